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

/// <summary>
/// Issue 16: whose term a document falls back to, written once for the ledger's terms per party and the sync's due-date
/// fill: a customer's own term (QuickBooks SalesTermRef) else its parent's (a job's customer), a vendor's TermRef.
/// Each is a select of (PartyId, TermId).
/// </summary>
internal static class PartyTermSql
{
    public const string Customers =
        "SELECT c.id AS PartyId, COALESCE(c.sales_term_id, p.sales_term_id) AS TermId FROM ledger_customers c LEFT JOIN ledger_customers p ON p.id = c.parent_id";

    public const string Vendors = "SELECT v.id AS PartyId, v.term_id AS TermId FROM ledger_vendors v";

    /// <summary>Each party of <paramref name="parties"/> with its term, for the parties whose term is in the synced terms.</summary>
    public static string WithTerms(string parties) =>
        $"SELECT x.PartyId AS PartyId, {PaymentTermRow.Columns} FROM ({parties}) x JOIN ledger_terms t ON t.id = x.TermId ORDER BY x.PartyId";
}
