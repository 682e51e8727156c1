using BackOffice.Tests.Bundle;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: workforce/timecards.csv's optional `trade` column (migration 1673) and its validation.</summary>
public sealed class TimecardTradeImportTests : IDisposable
{
    private const string Timecards = "workforce/timecards.csv";
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>Adds the trade column to the demo's timecards, <paramref name="trade"/> on tc-004 and empty elsewhere.</summary>
    private void WithTrade(string trade)
    {
        var path = Path.Combine(_kit.Bundle, Timecards);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, [lines[0] + ",trade", .. lines.Skip(1).Where(l => l.Length > 0).Select(l => l + "," + (l.StartsWith("tc-004,", StringComparison.Ordinal) ? trade : ""))]);
    }

    [Theory]
    [InlineData("Laborer", "Laborer")]
    [InlineData(" painting ", "painting")]
    [InlineData("", null)]
    public async Task Import_KnownOrEmptyTrade_StoresItTrimmed(string trade, string? stored)
    {
        WithTrade(trade);

        await _kit.ImportAsync();

        Assert.Equal(stored, await _kit.ScalarAsync<string?>("SELECT trade FROM workforce_timecards WHERE id = 'tc-004'"));
    }

    [Theory]
    [InlineData("Lab0rer")]
    [InlineData("Electrician")]
    public async Task Import_UnknownTrade_NamesFileRowAndField(string trade)
    {
        WithTrade(trade);

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Timecards, 5, "trade"), (error.File, error.Line, error.Column));
        Assert.Contains($"unknown trade '{trade}'", error.Message, StringComparison.Ordinal);
    }
}
