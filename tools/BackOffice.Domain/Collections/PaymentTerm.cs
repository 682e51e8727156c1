namespace BackOffice.Domain.Collections;

/// <summary>
/// A payment term as QuickBooks Online keeps it (issue 16; Intuit's Term entity, qbo.md section 5): standard terms are due
/// <paramref name="DueDays"/> after the document date; date-driven terms are due on <paramref name="DayOfMonthDue"/>, and
/// in the next month when that date falls within <paramref name="DueNextMonthDays"/> days of the document date.
/// </summary>
public sealed record PaymentTerm(string Id, string Name, int? DueDays, int? DayOfMonthDue, int? DueNextMonthDays)
{
    /// <summary>
    /// The due date of a document dated <paramref name="documentDate"/>, or null when the term gives neither rule.
    /// Date driven: the next <see cref="DayOfMonthDue"/> on or after the document date (a day past a month's end is its last
    /// day, as QuickBooks' "end of next month" recipe of day 31 assumes); when that date is within
    /// <see cref="DueNextMonthDays"/> days of the document date (inclusive), the same day one month later. Here in Domain so
    /// the QuickBooks sync (store) and the tools share the one rule.
    /// </summary>
    public DateOnly? DueDate(DateOnly documentDate)
    {
        if (DueDays is { } days)
        {
            return documentDate.AddDays(days);
        }

        if (DayOfMonthDue is not { } day)
        {
            return null;
        }

        var due = OnDay(documentDate.Year, documentDate.Month, day);
        if (due < documentDate)
        {
            due = OnDay(due.AddMonths(1).Year, due.AddMonths(1).Month, day);
        }

        if (DueNextMonthDays is { } within && due.DayNumber - documentDate.DayNumber <= within)
        {
            var next = new DateOnly(due.Year, due.Month, 1).AddMonths(1);
            due = OnDay(next.Year, next.Month, day);
        }

        return due;
    }

    private static DateOnly OnDay(int year, int month, int day) => new(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));
}
