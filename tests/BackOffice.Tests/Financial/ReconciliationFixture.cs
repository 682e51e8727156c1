using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Tests.Financial;

/// <summary>
/// A small, clean set of books (every record agrees across the two sides) that each test changes in one place:
/// job j1 (ledger c1), a subcontract with a commitment change order and its PO, one approved sub invoice with its
/// bill, one pay app with its invoice, a fully applied payment, correctly coded cost.
/// </summary>
internal static class ReconciliationFixture
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static ReconciliationInput Clean() => new(
        AsOf,
        [new JobContract("j1", "Smith Kitchen", "active", 100_000m, new DateOnly(2026, 12, 18)), new JobContract("j9", "Old Job", "closed", 10_000m, new DateOnly(2026, 1, 16))],
        [new Commitment("c-1", "j1", "pv1", "SC-1", "Plumbing", "subcontract", "approved", 10m)],
        [new CommitmentLine("cl-1", "c-1", "22-000", 20_000m)],
        [new ChangeOrder("co-1", "j1", "commitment", "c-1", "CCO-1", "approved", 1_850m, "22-000", new DateOnly(2026, 11, 9))],
        [new SubInvoice("si-1", "c-1", "RP-1", new DateOnly(2026, 10, 15), 9_000m, 900m, "approved", [new SubInvoiceLine("si-1-1", "22-000", null, 9_000m)])],
        [new PayApp("pa-1", "j1", "1", new DateOnly(2026, 10, 31), 44_550m, 0m, 4_455m, 40_095m, "approved")],
        [Bill("b-1", "lv1", "RP-1", new DateOnly(2026, 10, 15), 8_100m)],
        [new LedgerInvoice("i-1", "c1", "1047", new DateOnly(2026, 11, 3), new DateOnly(2026, 12, 3), 40_095m, 4_455m)],
        [new LedgerPayment("p-1", "c1", new DateOnly(2026, 11, 13), 20_000m, 0m, "Check 1187")],
        [new LedgerPurchaseOrder("po-1", "lv1", "c1", "SC-1", new DateOnly(2026, 9, 2), 21_850m, "Open")],
        [new CostPosting("ledger_bill_lines", "b-1-1", "b-1", new DateOnly(2026, 10, 15), "acct-5100", "c1", "22-000", 9_000m)],
        [new LedgerCustomer("c1", "Kitchen Remodel", "c0", "Smith, J:Kitchen Remodel", false, true), new LedgerCustomer("c9", "Old", "c0", "Smith, J:Old", false, true)],
        new Dictionary<string, string> { ["22-000"] = "acct-5100", ["01-000"] = "acct-5400" },
        "acct-2150",
        new Dictionary<string, string> { ["j1"] = "c1", ["j9"] = "c9" },
        new Dictionary<string, string> { ["pv1"] = "lv1" });

    public static LedgerBill Bill(string id, string vendor, string? doc, DateOnly date, decimal total, decimal? retainage = null) =>
        new(id, vendor, doc, date, total, "bundle", "active",
        [
            new LedgerBillLine("acct-5100", "c1", "22-000", total + (retainage ?? total / 9m)),
            new LedgerBillLine("acct-2150", "c1", null, -(retainage ?? total / 9m)),
        ]);
}
