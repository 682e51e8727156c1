using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Tests.Financial;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Figures;

/// <summary>
/// The owner invoice for a pay application's current payment due (issue 16). In the demo, pa-102-2 is due 135,900.00
/// (G702 line 8) and holds 28,140.00 retainage to date against 13,040.00 before: the invoice bills 151,000.00 of work less
/// 15,100.00 retainage, the figures of the demo's own invoice 1048, which the test removes first.
/// </summary>
public sealed class OwnerInvoiceTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public OwnerInvoiceTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sweep_PayAppWithoutInvoice_ProposesTheOwnerInvoiceForLine8AndExecutesIt()
    {
        await _cli.OkAsync("demo");
        await FinancialSeed.ExecAsync(_temp.Tenant("demo"), "DELETE FROM ledger_payment_lines WHERE invoice_id = 'inv-1048'; DELETE FROM ledger_invoice_lines WHERE invoice_id = 'inv-1048'; DELETE FROM ledger_invoices WHERE id = 'inv-1048'");
        // --full: the books were edited by SQL behind the product's writers, so no journal entry says they changed (issue 18).
        await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--full", "--as-of", "2026-11-15");

        var proposal = Assert.Single(await ListAsync());
        // Its retainage comes with the invoice: no retainage true-up is proposed beside it (it would hold 15,100.00 twice).
        Assert.DoesNotContain((await _cli.OkAsync("proposals", "list", "--tenant", "demo", "--agent", "financial", "--json")).Json.AsArray(),
            p => ((string)p!["title"]!).Contains("of retainage receivable", StringComparison.Ordinal));
        Assert.Equal("Invoice the owner $135,900.00 for pay application 2 of job-102", (string?)proposal["title"]);
        var id = ((long)proposal["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shown = (await _cli.OkAsync("proposals", "show", id, "--tenant", "demo", "--json")).Json;
        Assert.Equal(("151000.00", "15100.00", "135900.00"), ((string?)shown["payload"]!["work_billed"], (string?)shown["payload"]!["retainage"], (string?)shown["payload"]!["amount_due"]));

        await _cli.OkAsync("proposals", "approve", id, "--tenant", "demo", "--as", "dana");
        await _cli.OkAsync("writes", "on", "--tenant", "demo", "--as", "sam");
        await _cli.OkAsync("agents", "set", "financial", "--writes", "on", "--tenant", "demo", "--as", "sam");
        await _cli.OkAsync("proposals", "execute", id, "--tenant", "demo", "--as", "dana");

        Assert.Equal(1L, await FinancialSeed.ScalarAsync(_temp.Tenant("demo"), Written));
        await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--as-of", "2026-11-15");
        Assert.Single(await ListAsync());
        await _cli.OkAsync("proposals", "undo", id, "--tenant", "demo", "--as", "dana");
        Assert.Equal(0L, await FinancialSeed.ScalarAsync(_temp.Tenant("demo"), Written));
    }

    [Fact]
    public async Task Sweep_CustomerWithADateDrivenTerm_OwnerInvoiceDueAsTheTermSays()
    {
        // Issue 16: pa-102-2's period ends 2026-10-31; the customer's term is due the 10th, the next month if issued within
        // 10 days (QuickBooks' DayOfMonthDue 10, DueNextMonthDays 10): Nov 10 is 10 days out, so due Dec 10, not Nov 30.
        await _cli.OkAsync("demo");
        await FinancialSeed.ExecAsync(_temp.Tenant("demo"),
            "DELETE FROM ledger_payment_lines WHERE invoice_id = 'inv-1048'; DELETE FROM ledger_invoice_lines WHERE invoice_id = 'inv-1048'; DELETE FROM ledger_invoices WHERE id = 'inv-1048'; " +
            "INSERT INTO ledger_terms (id, name, type, due_days, day_of_month_due, due_next_month_days, active, row_hash) VALUES ('t-10', '10th', 'DATE_DRIVEN', NULL, 10, 10, 1, 'x'); " +
            "UPDATE ledger_customers SET sales_term_id = 't-10' WHERE id = (SELECT COALESCE(parent_id, id) FROM ledger_customers WHERE id = 'cust-21')");
        await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--full", "--as-of", "2026-11-15");

        var id = ((long)Assert.Single(await ListAsync())["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var shown = (await _cli.OkAsync("proposals", "show", id, "--tenant", "demo", "--json")).Json;
        Assert.Equal(("2026-10-31", "2026-12-10"), ((string?)shown["payload"]!["txn_date"], (string?)shown["payload"]!["due_date"]));
    }

    [Theory]
    [InlineData("151000.00", "15100.00", "135000.00", "amount_due")]
    [InlineData("151000.00", "-1.00", "151001.00", "retainage")]
    [InlineData("0.00", "0.00", "0.00", "work_billed")]
    public void Validate_FiguresThatDoNotTie_NameTheField(string work, string retainage, string due, string field)
    {
        var payload = new OwnerInvoicePayload("pa-102-2", "job-102", "cust-21", "PA-2", "2026-10-31", "2026-11-30", work, retainage, due, null);

        Assert.Contains(payload.Validate(), p => p.Field == field);
    }

    [Fact]
    public void Validate_DueBeforeInvoiceDate_NamesDueDate()
    {
        var payload = new OwnerInvoicePayload("pa-102-2", "job-102", "cust-21", "PA-2", "2026-10-31", "2026-10-01", "151000.00", "15100.00", "135900.00", null);

        Assert.Contains(payload.Validate(), p => p.Field == "due_date");
    }

    private const string Written =
        "SELECT COUNT(*) FROM ledger_invoices WHERE origin = 'sandbox' AND customer_id = 'cust-21' AND total_cents = 13590000 AND retainage_cents = 1510000";

    private async Task<List<JsonObject>> ListAsync() =>
        (await _cli.OkAsync("proposals", "list", "--tenant", "demo", "--agent", "financial", "--json")).Json.AsArray()
        .Select(p => p!.AsObject()).Where(p => ((string)p["title"]!).StartsWith("Invoice the owner", StringComparison.Ordinal)).ToList();
}
