using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.Domain.Money;
using BackOffice.Host.ApprovalConsole;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: a report page's total adds detail rows only. The allowance report's required allowance is its own total
/// (the sum of the aging classes) and its account balance and adjusting entry are lines below that total; the console
/// showed Balance $365,240.00 on the demo (the classes plus their own subtotal). cost-detail keeps its two sides in two
/// columns, each with its own total, and shows the job it was opened with in its picker.
/// </summary>
public sealed partial class ReportPageTotalsTests(DemoConsole demo) : IClassFixture<DemoConsole>
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private async Task<JsonArray> JsonAsync(params string[] args) =>
        (await demo.Cli.OkAsync(["report", .. args, "--tenant", "demo", "--as-of", "2026-11-15", "--json"])).Json.AsArray();

    private static decimal Sum(IEnumerable<JsonNode?> rows, string column) =>
        rows.Sum(r => decimal.Parse((string?)r![column] ?? "0", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Allowance_Demo_TotalIsTheSumOfTheClassRows()
    {
        var rows = await JsonAsync("allowance");
        var classes = rows.Where(r => ((string?)r!["id"])!.StartsWith("class-", StringComparison.Ordinal)).ToList();

        var html = await demo.Client.GetStringAsync("/t/demo/reports/allowance?asOf=2026-11-15");

        var total = FooterRows(html)[0];
        Assert.Equal(5, classes.Count);
        // The demo's open receivables as of 2026-11-15 (the cash forecast's 0-30 days receipts): $182,620.00.
        Assert.Equal(182_620.00m, Sum(classes, "balance"));
        Assert.Contains(MoneyText.Usd(Sum(classes, "balance")), total);
        Assert.Contains(MoneyText.Usd(Sum(classes, "allowance")), total);
        Assert.Contains("Required allowance (5 rows)", total);
        Assert.DoesNotContain("$365,240.00", html, StringComparison.Ordinal);
        // The report's own total row says the same in the CLI and --json.
        var own = rows.Single(r => (string?)r!["id"] == "total")!;
        Assert.Equal((Sum(classes, "balance"), Sum(classes, "allowance")), (Sum([own], "balance"), Sum([own], "allowance")));
    }

    [Fact]
    public async Task Allowance_CsvExport_ClassesThenTheTotalThenTheEntryNothingAdded()
    {
        var csv = await demo.Client.GetStringAsync("/t/demo/exports/allowance.csv?asOf=2026-11-15");

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Issue 17: the classes read as the aging report's column titles, the lines below as a controller words them.
        Assert.Equal(["Class", "Current", "1-30", "31-60", "61-90", "Over 90", "Required allowance", "Allowance account balance", "Adjusting entry"],
            lines.Select(l => l.Split(',')[0]));
        Assert.StartsWith("Required allowance,182620.00,", lines[6], StringComparison.Ordinal);
    }

    [Fact]
    public void ListTable_SeveralSubtotalsBelowTheTotal_TotalAddsTheDetailRowsOnly()
    {
        // A schedule as the allowance writes it: detail, its total, then lines that are neither (balance, entry, net).
        var table = new List<JsonObject>
        {
            Row("a", "first", "100.00"), Row("b", "second", "250.50"), Row("c", "third", "-20.25"),
            Row("total", "required", "330.25"), Row("unadjusted", "on the books", "1000.00"), Row("entry", "entry", "-669.75"), Row("net", "net", "330.25"),
        };
        var split = ReportColumns.Split(table);
        var columns = ReportColumns.For(["label", "amount"], table, NameBook.Empty, Utc);
        var list = new ListTable(columns, ListQuery.Parse(new QueryCollection()), 50, _ => "/r");

        var html = list.Render(split.Rows, reportTotal: split.Total, below: split.Below);

        var footer = FooterRows(html);
        Assert.Equal(3, split.Rows.Count);
        Assert.Equal(["Required (3 rows)", "$330.25"], Cells(footer[0]));
        Assert.Equal([["on the books", "$1,000.00"], ["entry", "-$669.75"], ["net", "$330.25"]], footer.Skip(1).Select(Cells));
        Assert.Equal(3, BodyRows(html).Count);
    }

    [Fact]
    public async Task G702_Demo_NoTotalUnderTheFormsLines()
    {
        var rows = await JsonAsync("g702", "--job", "2026-101");

        var html = await demo.Client.GetStringAsync("/t/demo/reports/g702?asOf=2026-11-15&job=2026-101");

        // Lines 1 to 9 of the G702 are each a figure of the form; a sum of them (contract sum plus payment due plus ...) is no figure.
        Assert.True(rows.Count >= 9, $"the G702 has its lines 1 to 9, got {rows.Count}");
        Assert.Empty(FooterRows(html));
        Assert.Equal(rows.Count, BodyRows(html).Count);
    }

    [Fact]
    public void ListTable_RateColumn_FooterAddsTheAmountsNotTheRates()
    {
        // Two payroll weeks: pay adds up, a regular rate a unit of time does not ($20.00 + $25.00 is no rate).
        var table = new List<JsonObject>
        {
            new() { ["employee"] = "A", ["regularRate"] = "20.00", ["pay"] = "800.00" },
            new() { ["employee"] = "B", ["regularRate"] = "25.00", ["pay"] = "1000.00" },
        };
        var columns = ReportColumns.For(["employee", "regularRate", "pay"], table, NameBook.Empty, Utc);
        var list = new ListTable(columns, ListQuery.Parse(new QueryCollection()), 50, _ => "/r");

        var footer = FooterRows(list.Render(table)).Single();

        // Cells drops empty cells: the rate column's footer cell is empty, the pay column's holds the sum.
        Assert.Equal(["Total (2 rows)", "$1,800.00"], Cells(footer));
        Assert.DoesNotContain("$45.00", footer, StringComparison.Ordinal);
    }

    [Theory]
    // The demo's job 2026-101 Smith Residence - Kitchen, by number (the picker), id (a wip row's link) and name.
    [InlineData("2026-101")]
    [InlineData("job-101")]
    [InlineData("smith residence - kitchen")]
    public async Task CostDetail_JobGiven_PickerShowsItAndEachSideHasItsOwnTotal(string job)
    {
        var rows = await JsonAsync("cost-detail", "--job", "job-101");

        var html = await demo.Client.GetStringAsync($"/t/demo/reports/cost-detail?asOf=2026-11-15&job={Uri.EscapeDataString(job)}");

        Assert.Contains("<option value=\"Smith Residence - Kitchen\" selected>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"\" selected", html, StringComparison.Ordinal);
        var total = FooterRows(html)[0];
        // $16,000.00: job-101's cost to date on the wip report; committed is the variance report's committed.
        Assert.Contains("$16,000.00", total);
        Assert.Contains(MoneyText.Usd(Sum(rows, "committed")), total);
        Assert.Equal(16_000.00m, Sum(rows, "costToDate"));
        Assert.All(rows, r => Assert.True((r!["costToDate"] is null) != (r["committed"] is null), "a row holds one side's amount"));
    }

    [Theory]
    [InlineData("cost-detail", "Choose a job to see the transactions behind its cost")]
    [InlineData("aging-detail", "Choose a job to see the open invoices and payments")]
    [InlineData("g702", "Choose a job to see its latest application for payment")]
    [InlineData("g703", "Choose a job to see the continuation sheet")]
    public async Task OneJobReport_NoJob_AsksForOneWithAPicker(string report, string sentence)
    {
        var response = await demo.Client.GetAsync($"/t/demo/reports/{report}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(sentence, html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Smith Residence - Kitchen\">2026-101 Smith Residence - Kitchen</option>", html, StringComparison.Ordinal);
        Assert.Contains("<select name=\"job\" required><option value=\"\">Choose a job</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--job", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostDetail_CliWithNoJob_KeepsItsMessage()
    {
        var result = await demo.Cli.RunAsync("report", "cost-detail", "--tenant", "demo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs --job", result.Error, StringComparison.Ordinal);
    }

    private static JsonObject Row(string id, string label, string amount) => new() { ["id"] = id, ["label"] = label, ["amount"] = amount };

    private static List<string> FooterRows(string html) =>
        [.. TableRow().Matches(FooterPart().Match(html).Groups[1].Value).Select(m => m.Groups[1].Value)];

    private static List<string> BodyRows(string html) =>
        [.. TableRow().Matches(BodyPart().Match(html).Groups[1].Value).Select(m => m.Groups[1].Value)];

    private static string[] Cells(string row) =>
        [.. TableCell().Matches(row).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(c => c.Length > 0)];

    [GeneratedRegex("<tfoot>(.*?)</tfoot>", RegexOptions.Singleline)]
    private static partial Regex FooterPart();

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex BodyPart();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex TableCell();
}
