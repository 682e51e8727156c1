using System.Globalization;
using BackOffice.Tools.PayApps;

namespace BackOffice.Agents.Financial.PayApps;

/// <summary>One printed G702 line: its number, its caption as on the AIA form, and its amount (null for a heading).</summary>
internal sealed record FormLine(string Line, string Caption, decimal? Amount);

/// <summary>
/// What the G702/G703 packet prints, in the order and with the captions of the AIA G702-1992 and G703-1992 forms
/// (issue 16), shared by the XLSX and PDF writers so both say the same thing.
/// </summary>
internal static class PayAppForm
{
    public const string G702Title = "APPLICATION AND CERTIFICATE FOR PAYMENT";

    public const string G703Title = "CONTINUATION SHEET";

    public static readonly string[] G703Letters = ["A", "B", "C", "D", "E", "F", "G", "", "H", "I"];

    public static readonly string[] G703Captions =
    [
        "ITEM NO.", "DESCRIPTION OF WORK", "SCHEDULED VALUE", "FROM PREVIOUS APPLICATION (D + E)", "THIS PERIOD",
        "MATERIALS PRESENTLY STORED (NOT IN D OR E)", "TOTAL COMPLETED AND STORED TO DATE (D+E+F)", "% (G ÷ C)",
        "BALANCE TO FINISH (C - G)", "RETAINAGE (IF VARIABLE RATE)",
    ];

    public static IReadOnlyList<(string Label, string Value)> Heading(PayAppDocument document) =>
    [
        ("PROJECT:", $"{document.Job.Name} ({document.Job.JobId})"),
        ("APPLICATION NO:", document.PayApp.Number),
        ("PERIOD TO:", document.PayApp.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("STATUS:", document.PayApp.Status),
    ];

    public static IReadOnlyList<FormLine> G702Lines(PayAppPacket packet)
    {
        var s = packet.Summary;
        return
        [
            new("1.", "ORIGINAL CONTRACT SUM", s.OriginalContractSum),
            new("2.", "Net change by Change Orders", s.NetChangeByChangeOrders),
            new("3.", "CONTRACT SUM TO DATE (Line 1 ± 2)", s.ContractSumToDate),
            new("4.", "TOTAL COMPLETED & STORED TO DATE (Column G on G703)", s.TotalCompletedAndStored),
            new("5.", "RETAINAGE:", null),
            new("a.", $"{Pct(packet.Rates.CompletedWorkPercent)}% of Completed Work (Column D + E on G703)", s.RetainageOnCompletedWork),
            new("b.", $"{Pct(packet.Rates.StoredMaterialPercent)}% of Stored Material (Column F on G703)", s.RetainageOnStoredMaterial),
            new("", "Total Retainage (Lines 5a + 5b or Total in Column I of G703)", s.TotalRetainage),
            new("6.", "TOTAL EARNED LESS RETAINAGE (Line 4 Less Line 5 Total)", s.TotalEarnedLessRetainage),
            new("7.", "LESS PREVIOUS CERTIFICATES FOR PAYMENT (Line 6 from prior Certificate)", s.PreviousCertificates),
            new("8.", "CURRENT PAYMENT DUE", s.CurrentPaymentDue),
            new("9.", "BALANCE TO FINISH, INCLUDING RETAINAGE (Line 3 less Line 6)", s.BalanceToFinishIncludingRetainage),
        ];
    }

    /// <summary>The Change Order Summary box: rows of (caption, additions, deductions), then the net change.</summary>
    public static IReadOnlyList<(string Caption, decimal Additions, decimal Deductions)> ChangeOrderRows(ChangeOrderSummary c) =>
    [
        ("Total changes approved in previous months by Owner", c.PreviousAdditions, c.PreviousDeductions),
        ("Total approved this Month", c.ThisMonthAdditions, c.ThisMonthDeductions),
        ("TOTALS", c.TotalAdditions, c.TotalDeductions),
    ];

    /// <summary>A G703 row's cells in column order; the percent cell is G ÷ C as a percent to two places.</summary>
    public static IReadOnlyList<object> G703Cells(G703Line line) =>
    [
        line.ItemNo, line.Description, line.ScheduledValue, line.PreviousWork, line.ThisPeriodWork, line.StoredMaterials,
        line.CompletedAndStored, new PercentCell(line.PercentComplete), line.BalanceToFinish, line.Retainage,
    ];

    public static string Money(decimal amount) => amount.ToString("#,##0.00;(#,##0.00)", CultureInfo.InvariantCulture);

    public static string Pct(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> TieOutText(PayAppDocument document) =>
        document.TieOut.Count == 0
            ? ["Tie-out: the stored application ties out against its G703 and the computed figures."]
            : [.. document.TieOut.Select(d => $"Does not tie: {d.Where}, {d.Field}: stated {Money(d.Stated)}, expected {Money(d.Expected)}, difference {Money(d.Difference)}")];
}

/// <summary>A percent cell (G ÷ C), kept apart from money so writers format it as a percent.</summary>
internal sealed record PercentCell(decimal Percent);
