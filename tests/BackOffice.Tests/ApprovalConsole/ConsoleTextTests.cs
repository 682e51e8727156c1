using System.Text.Json.Nodes;
using BackOffice.Host.ApprovalConsole;
using BackOffice.Store.Proposals;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>Issue 17: the console's accounting language, its list queries, edit forms and which verbs it offers.</summary>
public sealed class ConsoleTextTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData("estimatedTotalCost", "Estimated total cost")]
    [InlineData("docNumber", "Doc no.")]
    [InlineData("txn_date", "Transaction date")]
    [InlineData("retainage_held", "Retainage held")]
    [InlineData("1-30", "1-30")]
    [InlineData("eacPmForecast", "EAC (PM forecast)")]
    public void Title_CamelOrSnakeCase_IsWords(string column, string expected) => Assert.Equal(expected, AccountingText.Title(column));

    [Theory]
    [InlineData("total", new[] { "16560.00", "-12.50" }, AccountingText.Kind.Money)]
    [InlineData("percentComplete", new[] { "62.50" }, AccountingText.Kind.Percent)]
    [InlineData("clocked", new[] { "40.25" }, AccountingText.Kind.Number)]
    [InlineData("rank", new[] { "1", "2" }, AccountingText.Kind.Number)]
    [InlineData("txnDate", new[] { "2026-11-03" }, AccountingText.Kind.Date)]
    [InlineData("vendor", new[] { "Rivera Plumbing", "12.00" }, AccountingText.Kind.Text)]
    public void KindOf_Values_JudgesTheColumn(string column, string[] values, AccountingText.Kind expected) =>
        Assert.Equal(expected, AccountingText.KindOf(column, values));

    [Theory]
    // Pacific Standard Time is UTC-8 in November, daylight time UTC-7 in July (IANA tz database, America/Los_Angeles).
    [InlineData("2026-11-27T12:34:56.789Z", "Nov 27, 2026 4:34 AM")]
    [InlineData("2026-07-01T07:00:00Z", "Jul 1, 2026 12:00 AM")]
    public void Timestamp_Utc_IsShownInTheTenantZoneWithoutMilliseconds(string utc, string expected) =>
        Assert.Equal(expected, AccountingText.Timestamp(utc, LosAngeles));

    [Fact]
    public void Format_Money_IsCurrencyWithSeparators() =>
        Assert.Equal("-$12,850.00", AccountingText.Format(AccountingText.Kind.Money, "-12850.00", LosAngeles));

    [Fact]
    public void Apply_FilterSortAndPage_KeepsMatchingRowsInOrder()
    {
        var rows = Enumerable.Range(1, 120).Select(i => new JsonObject
        {
            ["id"] = $"b-{i}", ["vendor"] = i % 2 == 0 ? "Even Supply" : "Odd Concrete", ["total"] = $"{i}.00",
            ["txnDate"] = new DateOnly(2026, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var columns = ReportColumns.For(["vendor", "txnDate", "total"], rows, NameBook.Empty, LosAngeles);
        var query = ListQuery.Parse(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["f_vendor"] = "Even Supply", ["min"] = "$10", ["to"] = "2026-03-01", ["sort"] = "total", ["dir"] = "desc", ["page"] = "2",
        }));

        var kept = query.Apply(rows, columns);

        // Even ids 10..59 (txnDate up to Mar 1 = day 59): 25 rows, largest total first.
        Assert.Equal(25, kept.Count);
        Assert.Equal("58.00", ListQuery.Cell(kept[0], "total"));
        var html = new ListTable(columns, query, 10, q => "?").Render(kept);
        Assert.Contains("Showing 11–20 of 25", html, StringComparison.Ordinal);
        Assert.Contains("$850.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateThatIsNotADate_NamesTheField()
    {
        var error = Assert.Throws<BadListQueryException>(() => ListQuery.Parse(new QueryCollection(new Dictionary<string, StringValues> { ["from"] = "next-friday" })));
        Assert.Contains("'from'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changes_TextareaAndLineTable_KeepLineBreaksAndRebuildTheLines()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["field:body"] = "Hello,\r\n\r\nInvoice 1042 is past due.", ["line:lines:1:amount"] = "-1840.00", ["line:lines:0:amount"] = "18400.00",
            ["line:lines:0:account_id"] = "acct-5400", ["line:lines:0:customer_id"] = "", ["__RequestVerificationToken"] = "x",
        });

        var changes = EditForm.Changes(form);

        Assert.Equal("Hello,\n\nInvoice 1042 is past due.", (string)changes["body"]!);
        var lines = changes["lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.Equal("18400.00", (string)lines[0]!["amount"]!);
        Assert.Null(lines[0]!["customer_id"]);
        Assert.Equal("-1840.00", (string)lines[1]!["amount"]!);
    }

    [Theory]
    [InlineData("approve", "executed", 1, "It is executed: only a proposed proposal is approved.")]
    [InlineData("approve", "proposed", 1, null)]
    [InlineData("execute", "proposed", 1, "It must be approved before it is executed.")]
    [InlineData("execute", "failed", 1, null)]
    [InlineData("undo", "executed", 0, "It cannot be undone: sent")]
    [InlineData("undo", "executed", 1, null)]
    [InlineData("undo", "reverted", 1, "It is reverted: only an executed proposal is undone.")]
    public void StateRefusal_StateAndVerb_SaysWhyNot(string verb, string state, long reversible, string? expected) =>
        Assert.Equal(expected, ProposalButtons.StateRefusal(verb, new ProposalRow { State = state, Reversible = reversible, IrreversibleReason = "sent" }));

    [Theory]
    [InlineData("amount_cents", "1656000", "Amount", "$16,560.00")]
    [InlineData("retainage_bp", "1000", "Retainage (%)", "10.00%")]
    [InlineData("crew_hours_e4", "75000", "Crew hours", "7.5")]
    [InlineData("invoice_date", "2026-11-03", "Invoice date", "Nov 3, 2026")]
    public void Field_StoredColumn_IsLabelledInDollarsAndWords(string key, string raw, string label, string value)
    {
        var field = RecordForm.Field(key, raw, NameBook.Empty, LosAngeles);
        Assert.Equal((label, value), (field.Label, field.Value));
    }
}
