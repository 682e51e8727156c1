using System.ComponentModel;

namespace BackOffice.Tools.PayApps;

/// <summary>A G703 row as the imported pay application states it; a column it does not state is null.</summary>
public sealed record StatedG703Line(
    string ItemNo, decimal ScheduledValue, decimal? PreviousWork, decimal? ThisPeriodWork, decimal? StoredMaterials,
    decimal? CompletedAndStored, decimal? BalanceToFinish = null, decimal? Retainage = null);

/// <summary>An imported pay application as stated: the G702 lines it carries (null when absent) and its G703 rows.</summary>
public sealed record StatedPayApp(
    string Number, decimal? ContractSumToDate, decimal? TotalCompletedAndStored, decimal? TotalRetainage,
    decimal? TotalEarnedLessRetainage, decimal? PreviousCertificates, decimal? CurrentPaymentDue, IReadOnlyList<StatedG703Line> Lines);

/// <summary>
/// One figure that does not tie: where (a G702 line or a G703 item), which field, what the document states, what its
/// own figures give, and <see cref="Difference"/> = stated - expected (positive: the document states more).
/// </summary>
public sealed record TieOutDifference(string Where, string Field, decimal Stated, decimal Expected)
{
    public decimal Difference => Stated - Expected;
}

/// <summary>
/// Ties an imported pay application out against its own G703 (issue 16): each G703 row against its own columns, then
/// each G702 line against the G703 totals and the G702 lines above it. Amounts are compared to the cent, exactly; no
/// tolerance, because a pay application is a sum of cents and a cent off is a cent off.
/// </summary>
public static class PayAppTieOut
{
    [Description("Tie out an imported pay application against its own G703 continuation sheet: lists every G703 row and every G702 line that does not tie, with the stated figure, the figure its own columns give, and the difference.")]
    public static IReadOnlyList<TieOutDifference> Check(
        [Description("The pay application as imported: G702 lines and G703 rows as stated")] StatedPayApp payApp,
        [Description("The G702 lines computed from the schedule of values and the retainage rates, when known; null ties the document only against itself")] G702Summary? computed = null)
    {
        var differences = new List<TieOutDifference>();
        foreach (var line in payApp.Lines)
        {
            CheckLine(line, differences);
        }

        var sumG = payApp.Lines.Sum(l => l.CompletedAndStored ?? (l.PreviousWork ?? 0m) + (l.ThisPeriodWork ?? 0m) + (l.StoredMaterials ?? 0m));
        Add(differences, "G702 line 3", "contract sum to date = G703 column C total", payApp.ContractSumToDate, payApp.Lines.Sum(l => l.ScheduledValue));
        Add(differences, "G702 line 4", "total completed and stored = G703 column G total", payApp.TotalCompletedAndStored, sumG);
        if (payApp.Lines.Count > 0 && payApp.Lines.All(l => l.Retainage is not null))
        {
            Add(differences, "G702 line 5", "total retainage = G703 column I total", payApp.TotalRetainage, payApp.Lines.Sum(l => l.Retainage!.Value));
        }

        Add(differences, "G702 line 6", "line 4 less line 5", payApp.TotalEarnedLessRetainage, payApp.TotalCompletedAndStored - payApp.TotalRetainage);
        var earned = payApp.TotalEarnedLessRetainage ?? payApp.TotalCompletedAndStored - payApp.TotalRetainage;
        Add(differences, "G702 line 8", "line 6 less line 7", payApp.CurrentPaymentDue, earned - payApp.PreviousCertificates);
        if (computed is not null)
        {
            Add(differences, "G702 line 3", "contract sum to date = line 1 + line 2", payApp.ContractSumToDate, computed.ContractSumToDate);
            Add(differences, "G702 line 5", "retainage at the contract's rates", payApp.TotalRetainage, computed.TotalRetainage);
            Add(differences, "G702 line 7", "line 6 of the prior certificate", payApp.PreviousCertificates, computed.PreviousCertificates);
            Add(differences, "G702 line 8", "current payment due computed from the schedule of values", payApp.CurrentPaymentDue, computed.CurrentPaymentDue);
        }

        return differences;
    }

    private static void CheckLine(StatedG703Line line, List<TieOutDifference> differences)
    {
        var where = $"G703 item {line.ItemNo}";
        if (line.PreviousWork is { } d && line.ThisPeriodWork is { } e && line.StoredMaterials is { } f)
        {
            Add(differences, where, "G = D + E + F", line.CompletedAndStored, d + e + f);
        }

        Add(differences, where, "H = C - G", line.BalanceToFinish, line.ScheduledValue - line.CompletedAndStored);
    }

    private static void Add(List<TieOutDifference> differences, string where, string field, decimal? stated, decimal? expected)
    {
        if (stated is { } s && expected is { } x && s != x)
        {
            differences.Add(new TieOutDifference(where, field, s, x));
        }
    }
}
