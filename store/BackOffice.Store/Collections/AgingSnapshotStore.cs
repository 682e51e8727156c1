using System.Globalization;
using BackOffice.Domain.Collections;
using BackOffice.Domain.Money;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Collections;

/// <summary>What Collections' aging snapshot was taken for (issue 18): the journal sequence, the as-of date and the sweep's inputs stamp.</summary>
public sealed record AgingSnapshotMark(long JournalSeq, DateOnly AsOf, string InputsStamp);

/// <summary>
/// The one reader and writer of Collections' aging snapshot (issue 18, migration 2019): the ids of the invoices not
/// settled as of the mark's date and, per customer, what the settled ones still add. The invoices themselves, their
/// payment lines and payments are read from the books through <see cref="ReceivablesStore"/>, narrowed to these ids.
/// </summary>
public sealed class AgingSnapshotStore(TenantData tenant)
{
    /// <summary>The snapshot's mark, or null when Collections never stored one.</summary>
    public async Task<AgingSnapshotMark?> MarkAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var row = await unit.Connection.QuerySingleOrDefaultAsync<(long Seq, string AsOf, string Stamp)?>(new CommandDefinition(
            "SELECT journal_seq, as_of, inputs_stamp FROM collections_snapshot_marks WHERE id = 1", cancellationToken: cancellationToken));
        return row is { } r ? new AgingSnapshotMark(r.Seq, DateOnly.ParseExact(r.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Stamp) : null;
    }

    /// <summary>Per customer, the net retainage and the payments' days late of invoices settled as of the mark's date.</summary>
    public async Task<IReadOnlyList<SettledCustomer>> SettledAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<(string Customer, long Cents, long Days, long Payments)>(new CommandDefinition(
            "SELECT customer_id, retainage_cents, days_late, payments FROM collections_snapshot_customers ORDER BY customer_id",
            cancellationToken: cancellationToken));
        return rows.Select(r => new SettledCustomer(r.Customer, Cents.ToDollars(r.Cents), checked((int)r.Days), checked((int)r.Payments))).ToList();
    }

    /// <summary>
    /// Issue 18: the customers whose aging the journal rows after <paramref name="seq"/> up to <paramref name="upTo"/> can
    /// change: those an invoice or payment row named (before and after), and the current customers of the invoices the
    /// rows name (an invoice, its lines, a payment line's invoice) and of the invoices the named payments' lines pay.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangedCustomersAsync(long seq, long upTo, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        const string Range = "FROM change_journal WHERE seq > @seq AND seq <= @upTo";
        var rows = await unit.Connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT DISTINCT customer_id FROM (
                SELECT entity_key AS customer_id {Range} AND kind = 'customer' AND source_table IN ('ledger_invoices', 'ledger_payments')
                UNION ALL SELECT i.customer_id FROM ledger_invoices i WHERE i.id IN (SELECT entity_key {Range} AND kind = 'ledger_invoices')
                UNION ALL SELECT i.customer_id FROM ledger_invoices i JOIN ledger_payment_lines l ON l.invoice_id = i.id
                    WHERE l.payment_id IN (SELECT entity_key {Range} AND kind = 'ledger_payments')
            ) changed ORDER BY customer_id
            """, new { seq, upTo }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>
    /// Issue 18: the condition on <paramref name="invoiceColumn"/> for the invoices an aging from the snapshot reads: those
    /// it holds, and every invoice of the customers in the JSON array <c>@Ids</c> (whose receivables changed since).
    /// </summary>
    internal static string Holds(StoreDialect dialect, string invoiceColumn) =>
        $"({invoiceColumn} IN (SELECT invoice_id FROM collections_snapshot_invoices) OR {invoiceColumn} IN (SELECT id FROM ledger_invoices WHERE {StoreSql.InJson(dialect, "customer_id", "@Ids")}))";

    /// <summary>Replaces the snapshot, in the unit that stores Collections' findings and mark, so it never runs ahead of them.</summary>
    public async Task SaveAsync(
        DataUnit unit, AgingSnapshotMark mark, IReadOnlyCollection<string> openInvoices, IReadOnlyList<SettledCustomer> settled,
        CancellationToken cancellationToken)
    {
        var connection = unit.Connection;
        foreach (var table in new[] { "collections_snapshot_invoices", "collections_snapshot_customers" })
        {
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {table}", transaction: unit.Transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO collections_snapshot_marks (id, journal_seq, as_of, inputs_stamp) VALUES (1, @JournalSeq, @asOf, @InputsStamp)
            ON CONFLICT ({unit.ConflictOn("id")}) DO UPDATE SET journal_seq = excluded.journal_seq, as_of = excluded.as_of, inputs_stamp = excluded.inputs_stamp
            """,
            new { mark.JournalSeq, mark.InputsStamp, asOf = mark.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            unit.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO collections_snapshot_invoices (invoice_id) VALUES (@id)",
            openInvoices.Select(id => new { id }).ToList(), unit.Transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO collections_snapshot_customers (customer_id, retainage_cents, days_late, payments) VALUES (@CustomerId, @cents, @DaysLate, @Payments)",
            settled.Select(s => new { s.CustomerId, cents = Cents.FromDollars(s.RetainageHeld), s.DaysLate, s.Payments }).ToList(),
            unit.Transaction, cancellationToken: cancellationToken));
    }
}
