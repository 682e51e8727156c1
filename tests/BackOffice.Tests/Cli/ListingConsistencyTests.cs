using BackOffice.Tests.Support;

namespace BackOffice.Tests.Cli;

/// <summary>
/// Issue 17's CLI consistency: an unknown state or agent is an error, not an empty list that reads as "nothing to do",
/// and `audit list` says how much of the log it is not showing.
/// </summary>
public sealed class ListingConsistencyTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public ListingConsistencyTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--state", "bogus", "bogus")]
    [InlineData("--agent", "nosuch", "There is no agent 'nosuch'")]
    public async Task ProposalsList_UnknownFilter_IsUsageErrorNamingIt(string option, string value, string expected)
    {
        await _cli.OkAsync("demo");

        var result = await _cli.RunAsync("proposals", "list", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalsList_KnownStateWithNothingInIt_IsAnEmptyListNotAnError()
    {
        await _cli.OkAsync("demo");

        var result = await _cli.OkAsync("proposals", "list", "--state", "executed", "--json");

        Assert.Empty(result.Json.AsArray());
    }

    [Fact]
    public async Task AuditList_MoreEventsThanTheLimit_SaysHowManyAreShownOfHowMany()
    {
        await _cli.OkAsync("demo");
        var total = (await _cli.OkAsync("audit", "list", "--limit", "100000", "--json")).Json.AsArray().Count;

        var result = await _cli.OkAsync("audit", "list", "--limit", "5");

        Assert.True(total > 5);
        Assert.Contains($"Showing the most recent 5 of {total} events", result.Out, StringComparison.Ordinal);
    }
}
