using System.ComponentModel;
using BackOffice.Domain.Financial;

namespace BackOffice.Tools.PayApps;

/// <summary>
/// The owner invoice of one pay application period: work billed gross (the change in G702 line 4), retainage withheld on
/// it (a rise of line 5) or retainage released (a fall of line 5, billed as its own line), and the amount due (line 8).
/// </summary>
public sealed record OwnerInvoiceFigures(decimal WorkBilled, decimal RetainageWithheld, decimal RetainageReleased, decimal AmountDue);

/// <summary>
/// Issue 16: what the owner invoice of a pay application bills, from the application and the one before it. AIA's G702
/// instructions: line 5 is the retainage to date, line 7 the prior certificate's line 6 and line 8 = line 6 - line 7, so
/// line 8 = (change in line 4) - (change in line 5), and the work billed is line 8 plus the change in line 5. A period whose line 5 falls (retainage reduced, e.g. 10% to 5%, or
/// released at substantial completion) bills the fall as a "Retainage release" line beside the work, and the retainage
/// receivable drops by it. The release is the net fall of line 5: retainage newly withheld on this period's work at a
/// reduced rate is netted into it, as the G702 states only retainage to date. Sums and differences of cents: no rounding.
/// </summary>
public static class OwnerInvoiceTools
{
    [Description("The owner invoice of a pay application: work billed this period, retainage withheld on it or retainage released (its own line), and the amount due (G702 line 8).")]
    public static OwnerInvoiceFigures ForPeriod(
        [Description("The pay application being invoiced")] PayApp current,
        [Description("The job's pay application before it, or null for the first")] PayApp? prior)
    {
        // From line 8 as the application states it (its tie-out against lines 4 to 7 is PayAppTieOut's finding).
        var retainage = current.RetainageHeldToDate - (prior?.RetainageHeldToDate ?? 0m);
        return new OwnerInvoiceFigures(current.AmountDue + retainage, Math.Max(retainage, 0m), Math.Max(-retainage, 0m), current.AmountDue);
    }
}
