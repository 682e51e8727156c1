using System.ComponentModel;
using BackOffice.Domain.Ledger;
using BackOffice.Domain.Tools;

namespace BackOffice.Tools.Financial;

/// <summary>
/// What is still owed on bills as of a date (issue 13): a bill's total less the bill payments applied to it, then a
/// vendor's unapplied credits taken off that vendor's bills, earliest due first, as QuickBooks applies vendor credits
/// when bills are paid. Pure: callers pass the ledger's bills, bill payment lines and vendor credits.
/// </summary>
[ToolAccess(ToolAccess.Read)]
public static class OpenPayablesTools
{
    [Description("Bills still owed as of a date: total less bill payments applied on or before it, less the vendor's unapplied credits (earliest due first); fully paid bills drop out.")]
    public static IReadOnlyList<Payable> Open(
        [Description("Bills from the ledger at their totals, with vendor and due date")] IReadOnlyList<Payable> bills,
        [Description("Bill payment applications to bills")] IReadOnlyList<LedgerBillPaymentLine> payments,
        [Description("Vendors' unapplied credits")] IReadOnlyList<LedgerVendorCredit> credits,
        [Description("The date the payables are computed as of")] DateOnly asOf)
    {
        var paid = payments.Where(p => p.PaidOn <= asOf).GroupBy(p => p.BillId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount), StringComparer.Ordinal);
        var credit = credits.Where(c => c.TxnDate <= asOf && c.Remaining > 0m).GroupBy(c => c.VendorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Remaining), StringComparer.Ordinal);
        var open = new List<Payable>();
        foreach (var bill in bills.OrderBy(b => b.DueDate).ThenBy(b => b.BillId, StringComparer.Ordinal))
        {
            var owed = bill.Amount - paid.GetValueOrDefault(bill.BillId);
            if (bill.VendorId is { } vendor && owed > 0m && credit.GetValueOrDefault(vendor) is var left and > 0m)
            {
                var taken = Math.Min(left, owed);
                credit[vendor] = left - taken;
                owed -= taken;
            }

            if (owed > 0m)
            {
                open.Add(bill with { Amount = owed });
            }
        }

        return open;
    }
}
