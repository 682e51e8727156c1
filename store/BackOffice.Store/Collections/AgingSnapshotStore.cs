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
