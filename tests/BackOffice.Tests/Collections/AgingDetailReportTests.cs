using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Collections;

/// <summary>
/// Issue 17: the invoices and payments behind a customer's aging row, over the demo as of its date (2026-11-15):
/// each bucket's detail rows sum to the aging row's bucket and all of them to its total.
/// </summary>
public sealed class AgingDetailReportTests : IDisposable
{
    private static readonly string[] Buckets = ["current", "1-30", "31-60", "61-90", "over 90"];
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public AgingDetailReportTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<JsonArray> ReportAsync(params string[] args) =>
        (await _cli.OkAsync(["report", .. args, "--tenant", "demo", "--as-of", "2026-11-15", "--json"])).Json.AsArray();

    private static decimal Sum(IEnumerable<JsonNode?> rows, string column) =>
        rows.Sum(r => decimal.Parse((string?)r![column] ?? "0", CultureInfo.InvariantCulture));

    [Fact]
    public async Task AgingDetail_EveryDemoCustomer_BucketsAndTotalEqualTheAgingRow()
    {
        await _cli.OkAsync("demo");
        var aging = (await ReportAsync("aging")).Where(r => (string?)r!["id"] != "total").ToList();

        Assert.NotEmpty(aging);
        foreach (var row in aging)
        {
            var detail = await ReportAsync("aging-detail", "--job", (string)row!["id"]!);
            Assert.Equal(decimal.Parse((string)row["total"]!, CultureInfo.InvariantCulture), Sum(detail, "amount"));
            foreach (var bucket in Buckets.Where(b => row[b] is not null))
            {
                Assert.Equal(decimal.Parse((string)row[bucket]!, CultureInfo.InvariantCulture), Sum(detail.Where(d => (string?)d!["bucket"] == bucket), "amount"));
            }
        }
    }

    [Fact]
    public async Task AgingDetail_NoCustomer_IsBadInputNamingTheOption()
    {
        await _cli.OkAsync("demo");

        var result = await _cli.RunAsync("report", "aging-detail", "--tenant", "demo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs --job", result.Error, StringComparison.Ordinal);
    }
}
