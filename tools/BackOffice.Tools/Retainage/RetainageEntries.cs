using System.ComponentModel;

namespace BackOffice.Tools.Retainage;

/// <summary>One journal line by account role (the ledger account is chosen by the caller's mapping); one side is 0.</summary>
public sealed record RetainageJournalLine(string AccountRole, decimal Debit, decimal Credit);

/// <summary>
/// The journal entries of holding and releasing retainage (issue 16), on the owner side (retainage receivable) and the
/// subcontractor side (retainage payable), as the published examples book them (Viewpoint Spectrum "Billing Retention
/// Using Draw Request" and "Retention Billings From Subcontractors"; MYOB Advanced retainage examples). Amounts are
/// already in cents; nothing is rounded here. Zero lines are left out.
/// </summary>
public static class RetainageEntries
{
    public const string ArTrade = "A/R trade", ArRetainage = "A/R retainage", Revenue = "Contract revenue";
    public const string DirectCost = "Direct cost", ApSubcontractor = "A/P subcontractor", ApRetainage = "A/P retainage";

    [Description("Journal lines of an owner billing: revenue for the work billed, retainage receivable held (positive change) or released (negative), the rest to trade receivables.")]
    public static IReadOnlyList<RetainageJournalLine> OwnerBilling(
        [Description("Work billed this period (gross, before retainage), in dollars")] decimal billed,
        [Description("Change in retainage held this period: positive holds, negative releases, in dollars")] decimal retainageChange,
        [Description("Retainage receivable held before this billing, in dollars; a release may not exceed it")] decimal heldBefore)
    {
        CheckRelease(retainageChange, heldBefore);
        return Lines(
            new(ArTrade, billed - retainageChange, 0m),
            retainageChange >= 0m ? new(ArRetainage, retainageChange, 0m) : new(ArRetainage, 0m, -retainageChange),
            new(Revenue, 0m, billed));
    }

    [Description("Journal lines of a subcontractor bill: direct cost for the work billed, retainage payable held (positive change) or released (negative), the rest to accounts payable.")]
    public static IReadOnlyList<RetainageJournalLine> SubcontractorBill(
        [Description("Work billed by the subcontractor this period (gross), in dollars")] decimal billed,
        [Description("Change in retainage held this period: positive holds, negative releases, in dollars")] decimal retainageChange,
        [Description("Retainage payable held on the commitment before this bill, in dollars; a release may not exceed it")] decimal heldBefore)
    {
        CheckRelease(retainageChange, heldBefore);
        return Lines(
            new(DirectCost, billed, 0m),
            retainageChange >= 0m ? new(ApRetainage, 0m, retainageChange) : new(ApRetainage, -retainageChange, 0m),
            new(ApSubcontractor, 0m, billed - retainageChange));
    }

    [Description("Journal lines that bring the ledger's retainage to what the project side holds: receivable (hold: Dr A/R retainage, Cr A/R trade; release: the reverse) or payable (hold: Dr A/P subcontractor, Cr A/P retainage; release: the reverse). Empty when they agree.")]
    public static IReadOnlyList<RetainageJournalLine> TrueUp(
        [Description("receivable or payable")] string side,
        [Description("Retainage held to date on the project side (the latest pay application, or the sub invoices), in dollars")] decimal projectHeld,
        [Description("Retainage held to date in the ledger on the same job (and vendor), in dollars")] decimal ledgerHeld)
    {
        // Issue 16: a reclass between the trade and the retainage account; the revenue or cost was booked with the billing.
        var difference = projectHeld - ledgerHeld;
        var (retainage, trade, retainageIsDebitWhenHeld) = side switch
        {
            "receivable" => (ArRetainage, ArTrade, true),
            "payable" => (ApRetainage, ApSubcontractor, false),
            _ => throw new ArgumentException($"Retainage side '{side}' is not receivable or payable.", nameof(side)),
        };
        var retainageDebit = (difference > 0m) == retainageIsDebitWhenHeld;
        var amount = Math.Abs(difference);
        return Lines(
            retainageDebit ? new(retainage, amount, 0m) : new(retainage, 0m, amount),
            retainageDebit ? new(trade, 0m, amount) : new(trade, amount, 0m));
    }

    /// <summary>Spectrum allows negative retention only up to the remaining balance; so does this.</summary>
    private static void CheckRelease(decimal retainageChange, decimal heldBefore)
    {
        if (retainageChange < 0m && -retainageChange > heldBefore)
        {
            throw new ArgumentOutOfRangeException(nameof(retainageChange), retainageChange, $"Cannot release {-retainageChange:0.00} of retainage: only {heldBefore:0.00} is held.");
        }
    }

    private static IReadOnlyList<RetainageJournalLine> Lines(params RetainageJournalLine[] lines) =>
        [.. lines.Where(l => l.Debit != 0m || l.Credit != 0m)];
}
