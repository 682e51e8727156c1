using System.ComponentModel;

namespace BackOffice.Tools.Financial;

/// <summary>Gross margin on billings (issue 16): billings to date less cost to date, and that margin as a percent of billings.</summary>
public sealed record BillingsMargin(decimal Margin, decimal PercentOfBillings);

/// <summary>
/// Gross margin on billings (issue 16): the margin a job shows when its revenue is taken as what it has billed, beside
/// the earned gross profit of the WIP schedule, so the effect of over or under billing on margin is visible. The margin
/// is a difference of cent figures (no rounding); the percent is two places, half away from zero (WipTools.Percent),
/// for display; 0 with nothing billed.
/// </summary>
public static class BillingsMarginTools
{
    [Description("Gross margin on billings: billings to date less cost to date, and that as a percent of billings (two places, half away from zero; 0 with nothing billed).")]
    public static BillingsMargin Compute(
        [Description("Gross billings to date (before retainage withheld), in dollars, e.g. 300000.00")] decimal billedToDate,
        [Description("Cost to date, in dollars, e.g. 312900.00")] decimal costToDate)
    {
        var margin = billedToDate - costToDate;
        return new BillingsMargin(margin, WipTools.Percent(margin, billedToDate));
    }
}
