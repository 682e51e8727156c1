using BackOffice.Domain.Collections;

namespace BackOffice.Store.Records;

/// <summary>
/// A synced QuickBooks term as Dapper reads it from ledger_terms (issue 16), shared by the sync's due-date fill and the
/// ledger's customer terms so the columns and their mapping to <see cref="PaymentTerm"/> are written once.
/// </summary>
internal class PaymentTermRow
{
    /// <summary>The select list of ledger_terms aliased <c>t</c>, in the names this row maps.</summary>
    public const string Columns = "t.id AS Id, t.name AS Name, t.due_days AS DueDays, t.day_of_month_due AS DayOfMonthDue, t.due_next_month_days AS DueNextMonthDays";

    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public long? DueDays { get; init; }
    public long? DayOfMonthDue { get; init; }
    public long? DueNextMonthDays { get; init; }

    public PaymentTerm ToTerm() => new(Id, Name, (int?)DueDays, (int?)DayOfMonthDue, (int?)DueNextMonthDays);
}
