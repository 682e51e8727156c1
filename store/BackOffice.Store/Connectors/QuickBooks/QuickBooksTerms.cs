using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Collections;
using BackOffice.Store.Records;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Issue 16: an invoice or bill that QuickBooks sends without a DueDate is due as its term says (SalesTermRef on both;
/// Intuit's Invoice and Bill references, qbo.md section 5), else as its party's term says (the customer's, or its
/// parent's, for an invoice; the vendor's TermRef for a bill), read from the synced terms (<see cref="PaymentTerm.DueDate"/>).
/// The sync runs customers, vendors and terms before bills and invoices, so the term is there when a document needs it.
/// The term that dated a document is stored with it (due_term_id, migration 1681), so a term whose definition changes
/// later re-dates exactly those documents (<see cref="RedateAsync"/>).
/// </summary>
internal static class QuickBooksTerms
{
    /// <summary>A document's body with its due date filled from its term, and the term that dated it (null: its own DueDate or no term).</summary>
    public sealed record Dated(JsonObject Body, string? TermId);

    public static async Task<Dated> WithDueDateAsync(DbConnection c, DbTransaction t, string entity, JsonObject body, CancellationToken ct)
    {
        if (entity is not ("Invoice" or "Bill") || body["DueDate"] is JsonValue
            || body["TxnDate"]?.ToString() is not { } text || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new(body, null);
        }

        var (parties, party) = entity == "Bill" ? (PartyTermSql.Vendors, QuickBooksJson.RefOf(body, "VendorRef")) : (PartyTermSql.Customers, QuickBooksJson.RefOf(body, "CustomerRef"));
        var termId = QuickBooksJson.RefOf(body, "SalesTermRef") ?? await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT x.TermId FROM ({parties}) x WHERE x.PartyId = @party", new { party }, t, cancellationToken: ct));
        var term = termId is null ? null : await TermAsync(c, t, termId, ct);
        if (term?.ToTerm().DueDate(date) is not { } due)
        {
            // A term not synced yet, or one with no rule, still dated the document: a later definition re-dates it.
            return new(body, termId);
        }

        var filled = (JsonObject)body.DeepClone();
        filled["DueDate"] = QuickBooksRowSql.Iso(due);
        return new(filled, termId);
    }

    /// <summary>
    /// Issue 16: after a term is applied, the bills and invoices it dated are due as it now says (the due date a fresh
    /// sync would store: an invoice without one is due on its date, a bill has none); documents with their own DueDate
    /// have no term recorded and stay. Each re-dated document is journaled with its due_date column, so incremental
    /// sweeps (aging, cash forecast, collections) recompute it. A term whose definition did not change moves nothing.
    /// </summary>
    public static async Task<int> RedateAsync(DbConnection c, DbTransaction t, string termId, ISet<ChangedEntity> touched, CancellationToken ct)
    {
        var term = (await TermAsync(c, t, termId, ct))?.ToTerm();
        var moved = 0;
        foreach (var (table, undatedIsTxnDate) in new[] { ("ledger_bills", false), ("ledger_invoices", true) })
        {
            var documents = await c.QueryAsync<(string Id, string TxnDate, string? DueDate)>(new CommandDefinition(
                $"SELECT id, txn_date, due_date FROM {table} WHERE due_term_id = @termId ORDER BY id", new { termId }, t, cancellationToken: ct));
            foreach (var (id, txnDate, dueDate) in documents)
            {
                var date = DateOnly.ParseExact(txnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var due = term?.DueDate(date) is { } termDue ? QuickBooksRowSql.Iso(termDue) : undatedIsTxnDate ? txnDate : null;
                if (due == dueDate)
                {
                    continue;
                }

                await c.ExecuteAsync(new CommandDefinition($"UPDATE {table} SET due_date = @due WHERE id = @id", new { due, id }, t, cancellationToken: ct));
                touched.UnionWith((await ChangedEntities.StoredDocumentAsync(table, null, null, id, c, t, ct)).Select(e => e with { Columns = "due_date" }));
                moved++;
            }
        }

        return moved;
    }

    private static Task<PaymentTermRow?> TermAsync(DbConnection c, DbTransaction t, string termId, CancellationToken ct) =>
        c.QuerySingleOrDefaultAsync<PaymentTermRow?>(new CommandDefinition(
            $"SELECT {PaymentTermRow.Columns} FROM ledger_terms t WHERE t.id = @termId", new { termId }, t, cancellationToken: ct));
}
