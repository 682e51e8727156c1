using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Financial;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tests.Financial;
using BackOffice.Tests.Support;
using BackOffice.Tools.Collections;
using BackOffice.Tools.PayApps;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: the owner invoice of a period that releases retainage. AIA G702 (1992) instructions: line 5 is retainage to
/// date, line 7 the prior certificate's line 6, line 8 = line 6 - line 7; so when line 5 falls (a reduction or the final
/// release) line 8 pays the fall on top of the period's work, billed here as its own "Retainage release" line.
/// </summary>
public sealed class RetainageReleaseInvoiceTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public RetainageReleaseInvoiceTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private static PayApp App(string number, decimal toDate, decimal held, decimal due) =>
        new($"pa-{number}", "job-1", number, new DateOnly(2026, 1, 31), toDate, 0m, held, due, "submitted");

    [Theory]
    // PUBLISHED (Viewpoint Spectrum "Billing Retention Using Draw Request", figures.md 2.1(a)): $100,000 contract, 10%.
    // 90,000 complete: A/R 81,000, retainage 9,000. Then +10,000 with retainage cut to 5%: A/R 14,000, Cr A/R Retainage
    // 4,000, revenue 10,000. Then the final 5%: A/R 5,000, Cr A/R Retainage 5,000, revenue 0.
    [InlineData(0, 0, 90_000, 9_000, 81_000, 90_000, 9_000, 0)]
    [InlineData(90_000, 9_000, 100_000, 5_000, 14_000, 10_000, 0, 4_000)]
    [InlineData(100_000, 5_000, 100_000, 0, 5_000, 0, 0, 5_000)]
    // DERIVED (the Florida rule of figures.md 2.3, read as (B): the rate on the whole to date): $100,000, 10% held to 50%
    // complete (5,000), then 5%: at 60% 3,000 is held, so 2,000 is released with 10,000 of work; at substantial
    // completion the 3,000 left is released with the last 40,000.
    [InlineData(0, 0, 50_000, 5_000, 45_000, 50_000, 5_000, 0)]
    [InlineData(50_000, 5_000, 60_000, 3_000, 12_000, 10_000, 0, 2_000)]
    [InlineData(60_000, 3_000, 100_000, 0, 43_000, 40_000, 0, 3_000)]
    public void ForPeriod_RetainageReducedThenReleased_BillsTheReleaseAsItsOwnLine(
        int priorToDate, int priorHeld, int toDate, int held, int due, int work, int withheld, int released)
    {
        var prior = priorToDate == 0 ? null : App("1", priorToDate, priorHeld, priorToDate - priorHeld);

        var bill = OwnerInvoiceTools.ForPeriod(App("2", toDate, held, due), prior);

        Assert.Equal(new OwnerInvoiceFigures(work, withheld, released, due), bill);
    }

    [Fact]
    public void ToInvoice_ReleasePeriod_WorkLineAndReleaseLineAndTheReceivableDrops()
    {
        // Spectrum's second period: 10,000 of work and 4,000 released, 14,000 due.
        var payload = new OwnerInvoicePayload("pa-2", "job-1", "cust-1", "PA-2", "2016-01-31", "2016-03-01", "10000.00", "0.00", "14000.00", null, "4000.00");

        var invoice = payload.ToInvoice();

        Assert.Empty(payload.Validate());
        Assert.Equal([("Progress billing", 10_000m), ("Retainage release", 4_000m)], invoice.Lines.Select(l => (l.Item, l.Amount)));
        Assert.Equal(0m, invoice.Retainage);
        var receivable = AgingTools.RetainageReceivable(
            [new ArInvoice("i-1", "cust-1", "1", new DateOnly(2015, 12, 31), new DateOnly(2016, 1, 30), 81_000m, 9_000m),
             new ArInvoice("i-2", "cust-1", "2", new DateOnly(2016, 1, 31), new DateOnly(2016, 3, 1), 14_000m, 0m, true, 4_000m)],
            new DateOnly(2016, 2, 1));
        Assert.Equal(5_000m, receivable["cust-1"]);
    }

    [Theory]
    [InlineData("0.00", "0.00", "5000.00", "5000.00", null)]
    [InlineData("0.00", "0.00", "5000.00", "4000.00", "amount_due")]
    [InlineData("0.00", "0.00", null, "5000.00", "work_billed")]
    [InlineData("100.00", "0.00", "-5.00", "95.00", "retainage_released")]
    public void Validate_FinalRelease_NoWorkNeededButFiguresMustTie(string work, string retainage, string? released, string due, string? field)
    {
        var payload = new OwnerInvoicePayload("pa-3", "job-1", "cust-1", "PA-3", "2016-02-28", "2016-03-29", work, retainage, due, null, released);

        var problems = payload.Validate().ToList();

        if (field is null)
        {
            Assert.Empty(problems);
            Assert.Equal([("Retainage release", 5_000m)], payload.ToInvoice().Lines.Select(l => (l.Item, l.Amount)));
        }
        else
        {
            Assert.Contains(problems, p => p.Field == field);
        }
    }

    [Fact]
    public void ToJson_NoRelease_LeavesTheFieldOut()
    {
        var payload = new OwnerInvoicePayload("pa-1", "job-1", "cust-1", "PA-1", "2026-10-31", "2026-11-30", "100.00", "10.00", "90.00", null);

        Assert.False(ActionPayloadJson.ToJson(payload).ContainsKey("retainage_released"));
    }

    [Fact]
    public async Task Sweep_DemoPayAppCutsRetainageToFivePercent_InvoicesTheReleaseAndTheLedgerHoldsWhatTheG702Holds()
    {
        // DERIVED on the demo's job-102: pa-102-2 holds 28,140.00 (10% of 281,400.00). pa-102-3 reaches 300,000.00 with
        // retainage cut to 5% (15,000.00): line 6 285,000.00 less line 7 253,260.00 = 31,740.00 due, of which 18,600.00 is
        // work and 13,140.00 released retainage.
        await _cli.OkAsync("demo");
        await FinancialSeed.ExecAsync(_temp.Tenant("demo"),
            "INSERT INTO project_pay_apps (id, job_id, number, period_end, work_completed_to_date_cents, stored_materials_cents, retainage_held_to_date_cents, amount_due_cents, status, row_hash) " +
            "VALUES ('pa-102-3', 'job-102', '3', '2026-11-30', 30000000, 0, 1500000, 3174000, 'submitted', 'x')");
        await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--full", "--as-of", "2026-12-05");

        var proposal = Assert.Single(await OwnerInvoicesAsync());
        Assert.Equal("Invoice the owner $31,740.00 for pay application 3 of job-102", (string?)proposal["title"]);
        var id = ((long)proposal["id"]!).ToString(CultureInfo.InvariantCulture);
        var payload = (await _cli.OkAsync("proposals", "show", id, "--tenant", "demo", "--json")).Json["payload"]!;
        Assert.Equal(("18600.00", "0.00", "13140.00"), ((string?)payload["work_billed"], (string?)payload["retainage"], (string?)payload["retainage_released"]));
        await _cli.OkAsync("proposals", "approve", id, "--tenant", "demo", "--as", "dana");
        await _cli.OkAsync("writes", "on", "--tenant", "demo", "--as", "sam");
        await _cli.OkAsync("agents", "set", "financial", "--writes", "on", "--tenant", "demo", "--as", "sam");
        await _cli.OkAsync("proposals", "execute", id, "--tenant", "demo", "--as", "dana");

        Assert.Equal(1_314_000L, await FinancialSeed.ScalarAsync(_temp.Tenant("demo"),
            "SELECT l.amount_cents FROM ledger_invoice_lines l JOIN ledger_invoices i ON i.id = l.invoice_id WHERE i.origin = 'sandbox' AND l.item = 'Retainage release'"));
        var aging = (await _cli.OkAsync("report", "aging", "--tenant", "demo", "--as-of", "2026-12-05", "--json")).Json.AsArray();
        Assert.Equal("15000.00", aging.Single(r => (string?)r!["id"] == "cust-21")!["retainage"]!.ToString());
        await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "financial", "--as-of", "2026-12-05");
        var open = (await _cli.OkAsync("proposals", "list", "--tenant", "demo", "--agent", "financial", "--json")).Json.AsArray();
        Assert.DoesNotContain(open, p => ((string)p!["title"]!).Contains("of retainage receivable", StringComparison.Ordinal));
    }

    private async Task<List<JsonObject>> OwnerInvoicesAsync() =>
        (await _cli.OkAsync("proposals", "list", "--tenant", "demo", "--agent", "financial", "--json")).Json.AsArray()
        .Select(p => p!.AsObject()).Where(p => ((string)p["title"]!).StartsWith("Invoice the owner", StringComparison.Ordinal)).ToList();
}
