using System.Text.Json.Nodes;
using BackOffice.Store.Documents;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// `report wip-period` and `wip close` over the demo bundle (issue 16): a closed month's figures are stored and are what
/// the next month's period columns subtract; a closed month is not recomputed and not closed twice.
/// </summary>
public sealed class WipPeriodReportTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public WipPeriodReportTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<Dictionary<string, JsonObject>> ReportAsync(string period) =>
        (await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--period", period, "--json")).Json.AsArray()
        .Select(n => n!.AsObject()).ToDictionary(r => (string)r["id"]!);

    private static decimal Amount(JsonObject row, string column) => decimal.Parse((string)row[column]!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Report_NextMonthAfterClose_PeriodColumnsAreToDateLessTheStoredMonth()
    {
        await _cli.OkAsync("demo");
        var september = await ReportAsync("2026-09");
        await _cli.OkAsync("wip", "close", "--tenant", "demo", "--period", "2026-09", "--as", "dana");

        var october = await ReportAsync("2026-10");

        foreach (var job in new[] { "job-101", "job-102", "job-103", "company" })
        {
            Assert.Equal(Amount(october[job], "earnedRevenue") - Amount(september[job], "earnedRevenue"), Amount(october[job], "periodRevenue"));
            Assert.Equal(Amount(october[job], "costToDate") - Amount(september[job], "costToDate"), Amount(october[job], "periodCost"));
            Assert.Equal(Amount(october[job], "grossProfitToDate") - Amount(september[job], "grossProfitToDate"), Amount(october[job], "periodGrossProfit"));
            Assert.Equal("stored", (string?)october[job]["priorPeriod"]);
        }

        Assert.Equal(new[] { "job-101", "job-102", "job-103" }.Sum(j => Amount(october[j], "periodRevenue")), Amount(october["company"], "periodRevenue"));
    }

    [Fact]
    public async Task Report_ClosedMonthAfterTheBooksChange_ShowsTheStoredFigures()
    {
        await _cli.OkAsync("demo");
        var before = await ReportAsync("2026-09");
        await _cli.OkAsync("wip", "close", "--tenant", "demo", "--period", "2026-09", "--as", "dana");
        await ExecuteAsync("UPDATE project_jobs SET contract_cents = contract_cents * 2 WHERE id = 'job-102'");

        var after = await ReportAsync("2026-09");

        Assert.Equal((string?)before["job-102"]["contract"], (string?)after["job-102"]["contract"]);
        Assert.Equal((string?)before["company"]["earnedRevenue"], (string?)after["company"]["earnedRevenue"]);
    }

    [Fact]
    public async Task Report_ClosedMonthAfterABackDatedExpense_ShowsTheSgaAndNetIncomeStoredAtTheClose()
    {
        // Issue 16: the close stores SG&A and net income (1635_wip_period_income.sql). Moving the demo's one overhead bill
        // (PGE-2026-10, 486.22) into the closed September would change a recomputed SG&A; the stored one stays.
        await _cli.OkAsync("demo");
        var open = (await ReportAsync("2026-09"))["company"];
        await _cli.OkAsync("wip", "close", "--tenant", "demo", "--period", "2026-09", "--as", "dana");
        await ExecuteAsync("UPDATE ledger_bills SET txn_date = '2026-09-15' WHERE id = 'bill-5013'");

        var closed = (await ReportAsync("2026-09"))["company"];

        Assert.Equal(((string?)open["sga"], (string?)open["netIncome"]), ((string?)closed["sga"], (string?)closed["netIncome"]));
        Assert.Contains("as stored at the close", (string?)closed["note"], StringComparison.Ordinal);
        var november = (await ReportAsync("2026-11"))["company"];
        Assert.Equal(0m, Amount(november, "sga")); // the bill left November; the open months read the ledger
    }

    [Theory]
    [InlineData("dana", "2026-09", 0, "3 jobs stored")]
    [InlineData("alex", "2026-09", 1, "needs a lead of finance or an admin")]
    [InlineData("carla", "2026-09", 1, "needs a lead of finance or an admin")]
    [InlineData("sam", "2999-01", 2, "can be closed from the day after")]
    [InlineData("sam", "2026-13", 2, "is not a month")]
    public async Task Close_WhoAndWhichPeriod_IsAllowedOrRefusedWithTheReason(string user, string period, int exitCode, string expected)
    {
        await _cli.OkAsync("demo");

        var result = await _cli.RunAsync("wip", "close", "--tenant", "demo", "--period", period, "--as", user);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(expected, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_TwiceTheSameMonth_RefusesTheSecondAndAuditsTheFirstOnce()
    {
        await _cli.OkAsync("demo");
        await _cli.OkAsync("wip", "close", "--tenant", "demo", "--period", "2026-09", "--as", "dana");

        var again = await _cli.RunAsync("wip", "close", "--tenant", "demo", "--period", "2026-09", "--as", "sam");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("was closed by dana", again.Error, StringComparison.Ordinal);
        var events = (await _cli.OkAsync("audit", "list", "--tenant", "demo", "--subject", "wip-period:2026-09", "--json")).Json.AsArray();
        Assert.Equal("wip.period-closed", (string?)Assert.Single(events)!["kind"]);
        await _cli.OkAsync("audit", "verify");
    }

    [Fact]
    public async Task Report_PdfAndCsv_WriteTheSameFigures()
    {
        await _cli.OkAsync("demo");
        var company = (await ReportAsync("2026-10"))["company"];
        var pdf = Path.Combine(_temp.Root, "wip.pdf");
        var csv = Path.Combine(_temp.Root, "wip.csv");

        await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--period", "2026-10", "--format", "pdf", "--out", pdf);
        await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--period", "2026-10", "--format", "csv", "--out", csv);

        var text = (await new PdfText().ReadAsync(pdf, CancellationToken.None)).Text ?? "";
        Assert.Contains("WORK IN PROGRESS SCHEDULE", text, StringComparison.Ordinal);
        var earned = decimal.Parse((string)company["earnedRevenue"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(earned.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("full loss", text, StringComparison.Ordinal);
        Assert.Contains("less SG&A", text, StringComparison.Ordinal);
        Assert.Contains("Company total", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DemoNovember_CompanyNetIncomeIsPeriodGrossProfitLessTheOverheadBill()
    {
        await _cli.OkAsync("demo");

        var company = (await ReportAsync("2026-11"))["company"];
        var table = await _cli.OkAsync("report", "wip-period", "--tenant", "demo", "--period", "2026-11");

        // The demo's one Expense-type posting on no job: bill PGE-2026-10, yard and shop power, 486.22 dated 2026-11-03.
        Assert.Equal(486.22m, Amount(company, "sga"));
        Assert.Equal(Amount(company, "periodGrossProfit") - 486.22m, Amount(company, "netIncome"));
        Assert.Contains("provision shown separately", table.Out, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _temp.Tenant("demo").OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
