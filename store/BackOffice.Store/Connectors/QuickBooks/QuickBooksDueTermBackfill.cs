using System.Data.Common;
using System.Globalization;
using BackOffice.Store.Records;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Issue 16: bills and invoices synced before migration 1681 have no due_term_id, so a term whose definition changes
/// would re-date none of them. Once per tenant (quickbooks_sync_state key <see cref="StateKey"/>), at its next sync,
/// ahead of that sync's batches (so a term changed since is compared as it was): a
/// QuickBooks document with no due_term_id whose party has a synced term (an invoice's customer, else the customer's
/// parent; a bill's vendor, <see cref="PartyTermSql"/>) and whose stored due date is exactly what that term gives from
/// its transaction date (<see cref="BackOffice.Domain.Collections.PaymentTerm.DueDate"/>) is recorded as dated by that
/// term. A document's own SalesTermRef is not stored, so a document on a term other than its party's is not backfilled;
/// one whose own DueDate happens to equal its party's term is taken as term-dated (what is stored cannot tell them
/// apart). Due dates do not move, so nothing is journaled. A tenant's first sync ever finds nothing stored and only
/// marks the backfill done: its documents are dated by the sync itself.
/// </summary>
internal static class QuickBooksDueTermBackfill
{
    public const string StateKey = "due_term_backfill";

    /// <summary>A document with its party's term, as Dapper reads it (by name: an empty result types its columns as blobs).</summary>
    private sealed class Document
    {
        public string Id { get; init; } = "";
        public string TxnDate { get; init; } = "";
        public string DueDate { get; init; } = "";
        public string TermId { get; init; } = "";
    }

    /// <summary>Backfills once and marks it done; returns how many documents got their term.</summary>
    public static async Task<int> RunAsync(DbConnection c, DbTransaction t, CancellationToken ct)
    {
        if (await c.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT value FROM quickbooks_sync_state WHERE key = @StateKey", new { StateKey }, t, cancellationToken: ct)) is not null)
        {
            return 0;
        }

        var terms = (await c.QueryAsync<PaymentTermRow>(new CommandDefinition(
            $"SELECT {PaymentTermRow.Columns} FROM ledger_terms t", transaction: t, cancellationToken: ct))).ToDictionary(r => r.Id, r => r.ToTerm());
        var dated = await BackfillAsync(c, t, "ledger_invoices", "customer_id", PartyTermSql.Customers, terms, ct)
                    + await BackfillAsync(c, t, "ledger_bills", "vendor_id", PartyTermSql.Vendors, terms, ct);

        await c.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quickbooks_sync_state (key, value) VALUES (@StateKey, @Value)
            ON CONFLICT ({StoreSql.ConflictOn(c, "key")}) DO UPDATE SET value = excluded.value
            """, new { StateKey, Value = $"done: {dated} dated" }, t, cancellationToken: ct));
        return dated;
    }

    private static async Task<int> BackfillAsync(DbConnection c, DbTransaction t, string table, string partyColumn, string parties,
        IReadOnlyDictionary<string, BackOffice.Domain.Collections.PaymentTerm> terms, CancellationToken ct)
    {
        var documents = await c.QueryAsync<Document>(new CommandDefinition(
            $"""
            SELECT d.id AS Id, d.txn_date AS TxnDate, d.due_date AS DueDate, CAST(x.TermId AS TEXT) AS TermId
            FROM {table} d JOIN ({parties}) x ON x.PartyId = d.{partyColumn}
            WHERE d.origin = 'quickbooks' AND d.due_term_id IS NULL AND d.due_date IS NOT NULL AND x.TermId IS NOT NULL
            ORDER BY d.id
            """, transaction: t, cancellationToken: ct));
        var dated = 0;
        foreach (var d in documents)
        {
            if (!terms.TryGetValue(d.TermId, out var term)
                || !DateOnly.TryParseExact(d.TxnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || term.DueDate(date) is not { } due || QuickBooksRowSql.Iso(due) != d.DueDate)
            {
                continue;
            }

            await c.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET due_term_id = @TermId WHERE id = @Id", new { d.TermId, d.Id }, t, cancellationToken: ct));
            dated++;
        }

        return dated;
    }
}
