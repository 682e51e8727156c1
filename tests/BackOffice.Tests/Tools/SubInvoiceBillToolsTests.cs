using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Tests.Tools;

public sealed class SubInvoiceBillToolsTests
{
    private static readonly Dictionary<string, string> Map = new() { ["22-000"] = "acct-5100", ["09-900"] = "acct-5100" };

    private static SubInvoice Invoice(decimal retainage, params SubInvoiceLine[] lines) =>
        new("si-1", "c-1", "RP-007", new DateOnly(2026, 11, 3), lines.Sum(l => l.Amount), retainage, "approved", lines);

    [Fact]
    public void DraftBill_WithRetainage_NetsItToRetainagePayable()
    {
        var result = SubInvoiceBillTools.DraftBill(Invoice(1840m, new SubInvoiceLine("l1", "22-000", "Rough-in", 18400m)), "cust-7", Map, "acct-2150");
        var draft = Assert.IsType<SubInvoiceBillDraft>(result.Draft);
        Assert.Equal((18400m, 1840m, 16560m), (draft.Gross, draft.Retainage, draft.NetPayable));
        Assert.Equal(draft.NetPayable, draft.Lines.Sum(l => l.Amount));
        Assert.Equal(("acct-2150", -1840m), (draft.Lines[1].AccountId, draft.Lines[1].Amount));
        Assert.All(draft.Lines, l => Assert.Equal("cust-7", l.CustomerId));
    }

    [Fact]
    public void DraftBill_UnmappedCostCode_FailsClosedAndSaysWhy()
    {
        var result = SubInvoiceBillTools.DraftBill(Invoice(0m, new SubInvoiceLine("l1", "31-000", null, 500m)), "cust-7", Map, "acct-2150");
        Assert.Null(result.Draft);
        Assert.Contains(result.Problems, p => p.Contains("31-000", StringComparison.Ordinal));
    }

    [Fact]
    public void DraftBill_RetainageButNoRetainageAccount_FailsClosed()
    {
        var result = SubInvoiceBillTools.DraftBill(Invoice(50m, new SubInvoiceLine("l1", "22-000", null, 500m)), "cust-7", Map, null);
        Assert.Null(result.Draft);
        Assert.Contains(result.Problems, p => p.Contains("Retainage Payable", StringComparison.Ordinal));
    }

    [Fact]
    public void FindBill_SameVendorAndNumberFormattedDifferently_IsFound()
    {
        var bill = new LedgerBill("b-1", "v-2", "rp 7", new DateOnly(2026, 11, 4), 16560m, "bundle", "active", []);
        var other = new LedgerBill("b-2", "v-3", "RP-007", new DateOnly(2026, 11, 4), 16560m, "bundle", "active", []);
        Assert.Same(bill, SubInvoiceBillTools.FindBill(Invoice(0m, new SubInvoiceLine("l1", "22-000", null, 1m)), "v-2", [other, bill]));
        Assert.Null(SubInvoiceBillTools.FindBill(Invoice(0m, new SubInvoiceLine("l1", "22-000", null, 1m)), "v-9", [other, bill]));
    }

    [Fact]
    public void RetainagePayableAccount_FindsTheLiabilityByName()
    {
        var accounts = new List<LedgerAccount>
        {
            new("acct-5100", "5100", "Subcontractors", "Cost of Goods Sold", true),
            new("acct-2150", "2150", "Retainage Payable", "Other Current Liability", true),
            new("acct-1250", "1250", "Retainage Receivable", "Other Current Asset", true),
        };
        Assert.Equal("acct-2150", SubInvoiceBillTools.RetainagePayableAccount(accounts));
    }
}
