using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.PayApps;

/// <summary>
/// AIA G702 Application and Certificate for Payment and G703 Continuation Sheet arithmetic (issue 16), by the captions of
/// the 1992 forms. Pure: figures in, figures out. Rounding points, all to the cent half away from zero:
/// (1) line 5a = work % x (sum of D + E), once on the total; (2) line 5b = stored % x (sum of F), once on the total;
/// (3) column I allocates 5a by each line's D + E and 5b by each line's F, largest remainder first, so sum(I) = line 5
/// to the cent; with variable (per-line) rates instead, each line's I is rounded and line 5 is sum(I), as the form says.
/// Every other figure is a sum or difference of cents and needs no rounding. Percent complete is for display only.
/// </summary>
public static class PayAppTools
{
    [Description("Compute an AIA G702 summary (lines 1-9) and its G703 continuation sheet (columns A-I, retainage per line) from the schedule of values and this period's work completed and stored materials.")]
    public static PayAppPacket Compute(
        [Description("Original contract sum (G702 line 1), in dollars")] decimal originalContractSum,
        [Description("Approved change orders, previous months and this month (G702 change order summary)")] ChangeOrderSummary changeOrders,
        [Description("Schedule of values lines with previous work (D), work this period (E) and materials presently stored (F)")] IReadOnlyList<SovLine> lines,
        [Description("Retainage percents on completed work and on stored material")] RetainageRates rates,
        [Description("Line 6 of the prior certificate (total earned less retainage), 0 on the first application, in dollars")] decimal previousCertificates)
    {
        CheckRate(rates.CompletedWorkPercent, nameof(rates.CompletedWorkPercent));
        CheckRate(rates.StoredMaterialPercent, nameof(rates.StoredMaterialPercent));
        var (sheet, onWork, onStored) = ContinuationSheet(lines, rates);
        var contractSum = originalContractSum + changeOrders.NetChange;
        var completed = sheet.Sum(l => l.CompletedAndStored);
        var retainage = onWork + onStored;
        var earnedLessRetainage = completed - retainage;
        var summary = new G702Summary(originalContractSum, changeOrders.NetChange, contractSum, completed, onWork, onStored, retainage,
            earnedLessRetainage, previousCertificates, earnedLessRetainage - previousCertificates, contractSum - earnedLessRetainage,
            Percent(completed, contractSum));
        return new PayAppPacket(summary, sheet, changeOrders, rates);
    }

    /// <summary>The G703 rows and the retainage totals on work (5a) and stored material (5b).</summary>
    private static (IReadOnlyList<G703Line> Sheet, decimal OnWork, decimal OnStored) ContinuationSheet(IReadOnlyList<SovLine> lines, RetainageRates rates)
    {
        var variable = lines.Any(l => l.RetainagePercent is not null || l.StoredRetainagePercent is not null);
        decimal[] workPart, storedPart;
        if (variable)
        {
            // G703 column I "(IF VARIABLE RATE)": each line at its own rate, rounded per line; line 5 is the column total.
            workPart = lines.Select(l => MoneyMath.PercentOf(l.PreviousWork + l.ThisPeriodWork, l.RetainagePercent ?? rates.CompletedWorkPercent)).ToArray();
            storedPart = lines.Select(l => MoneyMath.PercentOf(l.StoredMaterials, l.StoredRetainagePercent ?? rates.StoredMaterialPercent)).ToArray();
        }
        else
        {
            var work = lines.Select(l => l.PreviousWork + l.ThisPeriodWork).ToList();
            var stored = lines.Select(l => l.StoredMaterials).ToList();
            workPart = Spread(MoneyMath.PercentOf(work.Sum(), rates.CompletedWorkPercent), work);
            storedPart = Spread(MoneyMath.PercentOf(stored.Sum(), rates.StoredMaterialPercent), stored);
        }

        var sheet = lines.Select((l, i) => Row(l, workPart[i] + storedPart[i])).ToList();
        return (sheet, workPart.Sum(), storedPart.Sum());
    }

    private static G703Line Row(SovLine line, decimal retainage)
    {
        var total = line.PreviousWork + line.ThisPeriodWork + line.StoredMaterials;
        return new G703Line(line.ItemNo, line.Description, line.ScheduledValue, line.PreviousWork, line.ThisPeriodWork, line.StoredMaterials,
            total, Percent(total, line.ScheduledValue), line.ScheduledValue - total, retainage);
    }

    /// <summary>A total split over lines by weight, largest remainder first (MoneyMath.Allocate); all zero when nothing to split.</summary>
    private static decimal[] Spread(decimal total, IReadOnlyList<decimal> weights) =>
        weights.Count == 0 || weights.Sum() == 0m ? new decimal[weights.Count] : [.. MoneyMath.Allocate(total, weights)];

    /// <summary>part / whole in percent, two places half away from zero (display only); 0 when whole is 0.</summary>
    internal static decimal Percent(decimal part, decimal whole) =>
        whole == 0m ? 0m : Math.Round(part / whole * 100m, 2, MidpointRounding.AwayFromZero);

    private static void CheckRate(decimal percent, string name)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(name, percent, "A retainage percent is between 0 and 100.");
        }
    }
}
