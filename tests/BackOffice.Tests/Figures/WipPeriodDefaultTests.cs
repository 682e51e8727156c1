using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 17: a report asked for no period opens on the latest period with data, not an empty current month. The demo's
/// last ledger transaction is in November 2026 (payment pmt-2103, 2026-11-13; bills of 2026-11-01 and 11-02).
/// </summary>
public sealed class WipPeriodDefaultTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public WipPeriodDefaultTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("2027-02-10", "WIP for 2026-11 as of 2026-11-30")]
    [InlineData("2026-11-15", "WIP for 2026-11 as of 2026-11-15")]
    [InlineData("2026-10-31", "WIP for 2026-10 as of 2026-10-31")]
    public async Task WipPeriod_NoPeriodAsked_OpensOnTheLatestMonthWithLedgerActivity(string asOf, string title)
    {
        await _cli.OkAsync("demo");

        var report = await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--as-of", asOf);

        Assert.Contains(title, report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WipPeriod_PeriodAsked_KeepsTheMonthAskedEvenWhenEmpty()
    {
        await _cli.OkAsync("demo");

        var report = await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--as-of", "2027-02-10", "--period", "2027-02");

        Assert.Contains("WIP for 2027-02 as of 2027-02", report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatestActivityDay_NoLedgerRows_IsNull()
    {
        await _cli.OkAsync("tenant", "create", "empty");

        Assert.Null(await _temp.Tenant("empty").Ledger.LatestActivityDayAsync(new DateOnly(2026, 11, 15), CancellationToken.None));
    }
}
