using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 17: the transactions behind a job's cost figures, over the demo as of its date (2026-11-15). The ledger side
/// sums to the wip report's cost to date, the project side to the variance report's committed, job by job.
/// </summary>
public sealed class CostDetailReportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public CostDetailReportTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<JsonArray> ReportAsync(params string[] args) =>
        (await _cli.OkAsync(["report", .. args, "--tenant", "demo", "--as-of", "2026-11-15", "--json"])).Json.AsArray();

    private static decimal Sum(IEnumerable<JsonNode?> rows, string column) =>
        rows.Sum(r => decimal.Parse((string?)r![column] ?? "0", CultureInfo.InvariantCulture));

    [Theory]
    // Cost to date and committed as the demo's wip and variance reports give them: job-101 Smith Residence $16,000.00,
    // job-102 Harbor Point $62,225.00, job-103 Lakeview $64,230.27 to date.
    [InlineData("job-101", "16000.00")]
    [InlineData("job-102", "62225.00")]
    [InlineData("job-103", "64230.27")]
    public async Task CostDetail_DemoJob_EachSideSumsToItsFigure(string job, string costToDate)
    {
        await _cli.OkAsync("demo");
        var detail = await ReportAsync("cost-detail", "--job", job);
        var wip = (await ReportAsync("wip")).Single(r => (string?)r!["id"] == job)!;
        var variance = (await ReportAsync("variance", "--job", job)).Where(r => (string?)r!["id"] != "total");

        var ledger = detail.Where(r => (string?)r!["side"] == CostDetailReport.Ledger).ToList();
        var project = detail.Where(r => (string?)r!["side"] == CostDetailReport.Project).ToList();
        Assert.NotEmpty(ledger);
        Assert.Equal(decimal.Parse(costToDate, CultureInfo.InvariantCulture), Sum(ledger, "costToDate"));
        Assert.Equal(decimal.Parse((string)wip["costToDate"]!, CultureInfo.InvariantCulture), Sum(ledger, "costToDate"));
        Assert.Equal(Sum(variance, "actual"), Sum(ledger, "costToDate"));
        Assert.Equal(Sum(variance, "committed"), Sum(project, "committed"));
        Assert.All(ledger, r => Assert.True(DateOnly.Parse((string)r!["txnDate"]!, CultureInfo.InvariantCulture) <= new DateOnly(2026, 11, 15)));
    }

    [Fact]
    public async Task CostDetail_NoJob_IsBadInputNamingTheOption()
    {
        await _cli.OkAsync("demo");

        var result = await _cli.RunAsync("report", "cost-detail", "--tenant", "demo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs --job", result.Error, StringComparison.Ordinal);
    }
}
