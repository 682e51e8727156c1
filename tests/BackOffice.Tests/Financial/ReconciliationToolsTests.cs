using BackOffice.Domain.Financial;
using BackOffice.Domain.Project;
using BackOffice.Tools.Financial;
using BackOffice.Tools.Reconciliation;
using BackOffice.Tools.Matching;

namespace BackOffice.Tests.Financial;

public sealed class ReconciliationToolsTests
{
    private static IReadOnlyList<WorklistItem> Run(ReconciliationInput input) => ReconciliationTools.Worklist(input, Tolerance.Default);

    [Fact]
    public void Worklist_CleanBooks_HasNoItems() => Assert.Empty(Run(ReconciliationFixture.Clean()));

    [Fact]
    public void Worklist_CommitmentWithNoPurchaseOrderOrBill_IsAnItem()
    {
        var input = ReconciliationFixture.Clean() with { PurchaseOrders = [], Bills = [] };
        var item = Assert.Single(Run(input), i => i.Category == WorklistCategory.CommitmentNotInLedger);
        Assert.Equal((21_850m, (decimal?)null, -21_850m), (item.ProjectAmount!.Value, item.LedgerAmount, item.Difference));
    }

    [Fact]
    public void Worklist_PurchaseOrderWithoutTheApprovedChangeOrder_IsAChangeOrderMissingInTheLedger()
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with { PurchaseOrders = [clean.PurchaseOrders[0] with { Total = 20_000m }] };
        var item = Assert.Single(Run(input));
        Assert.Equal((WorklistCategory.ChangeOrderMissingInLedger, -1_850m), (item.Category, item.Difference));
        Assert.Contains(item.Records, r => r.Table == "project_change_orders" && r.Id == "co-1");
    }

    [Fact]
    public void Worklist_PurchaseOrderWithAPendingChangeOrder_IsAChangeOrderOnTheLedgerOnly()
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with
        {
            ChangeOrders = [.. clean.ChangeOrders, new ChangeOrder("co-2", "j1", "commitment", "c-1", "CCO-2", "pending", 2_000m, "22-000", null)],
            PurchaseOrders = [clean.PurchaseOrders[0] with { Total = 23_850m }],
        };
        Assert.Equal(WorklistCategory.ChangeOrderLedgerOnly, Assert.Single(Run(input)).Category);
    }

    [Theory]
    [InlineData(21_850.00, 0)]
    [InlineData(21_900.00, 0)]
    [InlineData(21_900.01, 1)]
    [InlineData(25_000.00, 1)]
    public void Worklist_PurchaseOrderAmount_ComparedWithinTolerance(decimal poTotal, int items)
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with { PurchaseOrders = [clean.PurchaseOrders[0] with { Total = poTotal }] };
        Assert.Equal(items, Run(input).Count(i => i.Category == WorklistCategory.CommitmentAmountDiffers));
    }

    [Fact]
    public void Worklist_BillOfADifferentAmountAndRetainage_IsTwoItems()
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with { Bills = [ReconciliationFixture.Bill("b-1", "lv1", "RP-1", new DateOnly(2026, 10, 15), 9_000m, 0m)] };
        var items = Run(input);
        Assert.Equal(900m, Assert.Single(items, i => i.Category == WorklistCategory.SubInvoiceBillDiffers).Difference);
        Assert.Equal(-900m, Assert.Single(items, i => i.Category == WorklistCategory.SubInvoiceRetainageDiffers).Difference);
    }

    [Fact]
    public void Worklist_PayAppWithoutInvoice_IsNotInvoiced()
    {
        var input = ReconciliationFixture.Clean() with { Invoices = [] };
        var item = Assert.Single(Run(input));
        Assert.Equal((WorklistCategory.PayAppNotInvoiced, "pa-1", 40_095m), (item.Category, item.Subject, item.ProjectAmount!.Value));
    }

    [Fact]
    public void Worklist_InvoiceOfADifferentAmount_IsAPayAppDifference()
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with { Invoices = [clean.Invoices[0] with { Total = 39_000m }] };
        var item = Assert.Single(Run(input));
        Assert.Equal((WorklistCategory.PayAppAmountDiffers, -1_095m), (item.Category, item.Difference));
    }

    [Fact]
    public void Worklist_RetainageWithheldDifferently_IsAnItem()
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with { Invoices = [clean.Invoices[0] with { Retainage = 0m }] };
        var item = Assert.Single(Run(input));
        Assert.Equal((WorklistCategory.RetainageCarriedDifferently, 4_455m, 0m), (item.Category, item.ProjectAmount!.Value, item.LedgerAmount!.Value));
    }

    [Fact]
    public void Worklist_UnappliedPayment_IsAnItemForTheJob()
    {
        var clean = ReconciliationFixture.Clean();
        var input = clean with { Payments = [clean.Payments[0] with { Unapplied = 4_000m }] };
        var item = Assert.Single(Run(input));
        Assert.Equal((WorklistCategory.PaymentUnapplied, "j1", 4_000m), (item.Category, item.JobId, item.LedgerAmount!.Value));
    }

    [Fact]
    public void UnappliedPayments_LaterThanAsOf_AreIgnored()
    {
        var payments = new[] { new LedgerPayment("p", "c1", new DateOnly(2026, 11, 21), 10m, 10m, null) };
        Assert.Empty(PaymentTools.UnappliedPayments(payments, ReconciliationFixture.AsOf));
        Assert.Equal(10m, PaymentTools.UnappliedByCustomer(payments, new DateOnly(2026, 11, 21))["c1"]);
    }

    [Fact]
    public void Worklist_CostAfterAClosedJobsCompletion_IsAnItem()
    {
        var clean = ReconciliationFixture.Clean();
        var late = new CostPosting("ledger_journal_lines", "je-1-1", "je-1", new DateOnly(2026, 3, 1), "acct-5100", "c9", "22-000", 640m);
        var early = late with { SourceId = "je-0-1", TxnDate = new DateOnly(2026, 1, 10) };
        var item = Assert.Single(Run(clean with { Postings = [.. clean.Postings, late, early] }));
        Assert.Equal((WorklistCategory.CostOnClosedJob, "je-1-1", "j9"), (item.Category, item.Subject, item.JobId));
    }

    [Fact]
    public void Worklist_CostOnAnAccountItsCostCodeDoesNotMapTo_IsAnItem()
    {
        var clean = ReconciliationFixture.Clean();
        var miscoded = new CostPosting("ledger_journal_lines", "je-302-1", "je-302", new DateOnly(2026, 11, 5), "acct-5300", "c1", "01-000", 685m);
        var item = Assert.Single(Run(clean with { Postings = [.. clean.Postings, miscoded] }));
        Assert.Equal((WorklistCategory.CostCodeAccountMismatch, 685m), (item.Category, item.LedgerAmount!.Value));
    }

    [Theory]
    [InlineData("RP-1", "rp 001", 8_100, 1)]
    [InlineData("RP-1", "RP-2", 8_100, 0)]
    [InlineData(null, null, 8_100, 1)]
    [InlineData(null, null, 8_100.01, 0)]
    public void Worklist_SameVendorBillTwice_IsADuplicate(string? firstDoc, string? secondDoc, decimal secondTotal, int duplicates)
    {
        var clean = ReconciliationFixture.Clean();
        var date = new DateOnly(2026, 10, 15);
        var input = clean with
        {
            SubInvoices = [],
            Bills = [ReconciliationFixture.Bill("b-1", "lv1", firstDoc, date, 8_100m), ReconciliationFixture.Bill("b-2", "lv1", secondDoc, date, secondTotal)],
        };
        Assert.Equal(duplicates, Run(input).Count(i => i.Category == WorklistCategory.DuplicateBill && i.Subject == "b-2"));
    }
}
