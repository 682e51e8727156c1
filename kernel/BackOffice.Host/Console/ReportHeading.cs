using System.Text.RegularExpressions;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a report's title as its page's heading. The title is the CLI's and the exports' too, so it is not changed
/// in the reports: the page shows its dates as words ("as of Nov 15, 2026", not "2026-11-15"), and a title that carries
/// the report's basis after its first "; " (the WIP schedule's loss and rounding statements, four lines of h1 at
/// 1366 px) keeps that basis in a line under the heading.
/// </summary>
public static partial class ReportHeading
{
    public static string Of(string title) => IsoDate().Replace(Split(title).Heading, m => AccountingText.Date(m.Value));

    /// <summary>The basis as a muted paragraph, or nothing when the title has none.</summary>
    public static string Basis(string title) => Split(title).Basis is { Length: > 0 } basis ? $"<p class=\"muted\">Basis: {E(basis)}</p>" : "";

    private static (string Heading, string Basis) Split(string title)
    {
        var cut = title.IndexOf("; ", StringComparison.Ordinal);
        return cut < 0 ? (title, "") : (title[..cut], title[(cut + 2)..]);
    }

    /// <summary>A date alone; a date with a time and offset ("since 2026-11-20 00:00 -08:00", an instant) is left as it is.</summary>
    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b(?! \d{2}:)")]
    private static partial Regex IsoDate();
}
