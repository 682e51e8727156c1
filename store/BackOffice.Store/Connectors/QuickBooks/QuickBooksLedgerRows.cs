using System.Data.Common;
using System.Text.Json.Nodes;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Maps QuickBooks entities into the canonical ledger tables the bundle fills (DATA-FORMAT.md), with provenance:
/// origin 'quickbooks', the QuickBooks Id as the row id, its SyncToken and LastUpdatedTime (issue 13). A row whose
/// SyncToken is what we hold is unchanged and not touched; a CDC deletion stub removes the row and its lines.
/// </summary>
internal static class QuickBooksLedgerRows
{
    public static readonly IReadOnlyList<string> Entities =
        ["Account", "Customer", "Vendor", "Item", "Class", "Term", "Bill", "Invoice", "Payment", "JournalEntry", "PurchaseOrder",
         "BillPayment", "CreditMemo", "VendorCredit"];

    private static readonly Dictionary<string, (string Table, string? Lines, string? LinesKey)> Tables = new(StringComparer.Ordinal)
    {
        ["Account"] = ("ledger_accounts", null, null),
        ["Customer"] = ("ledger_customers", null, null),
        ["Vendor"] = ("ledger_vendors", null, null),
        ["Item"] = ("ledger_items", null, null),
        ["Class"] = ("ledger_classes", null, null),
        ["Term"] = ("ledger_terms", null, null),
        ["Bill"] = ("ledger_bills", "ledger_bill_lines", "bill_id"),
        ["Invoice"] = ("ledger_invoices", "ledger_invoice_lines", "invoice_id"),
        ["Payment"] = ("ledger_payments", "ledger_payment_lines", "payment_id"),
        ["JournalEntry"] = ("ledger_journal_entries", "ledger_journal_lines", "journal_entry_id"),
        ["PurchaseOrder"] = ("ledger_purchase_orders", null, null),
        ["BillPayment"] = ("ledger_bill_payments", "ledger_bill_payment_lines", "bill_payment_id"),
        ["CreditMemo"] = ("ledger_credit_memos", null, null),
        ["VendorCredit"] = ("ledger_vendor_credits", null, null),
    };

    /// <summary>Name-list entities: QuickBooks makes them inactive and never deletes them (qbo.md section 6).</summary>
    public static bool IsNameList(string entity) => entity is "Account" or "Customer" or "Vendor" or "Item" or "Class" or "Term";

    /// <summary>
    /// The WHERE clause that reads a name list's inactive entries too (issue 13): a query returns only active
    /// accounts, customers, vendors and items unless it asks for <c>Active IN (true,false)</c> (Intuit's "Query operations
    /// and syntax" page; its blog "Deep dive: SQL queries", 2017-02-08: "SELECT * FROM Customer" retrieves all active
    /// customers). Without it a bill of a since-deactivated vendor would name a vendor we never read.
    /// </summary>
    public static string AllOf(string entity) => entity is "Account" or "Customer" or "Vendor" or "Item" ? " WHERE Active IN (true,false)" : "";

    /// <summary>The canonical table an entity's rows live in.</summary>
    public static string TableOf(string entity) =>
        Tables.TryGetValue(entity, out var table) ? table.Table : throw new QuickBooksResponseException($"QuickBooks entity type '{entity}' is not one the back office reads.");

    /// <param name="touched">Gets the entities of the row before and after (issue 18: the change journal).</param>
    /// <param name="retainageItemId">The QuickBooks Id of the tenant's retainage item, whose invoice lines are retainage (issue 16).</param>
    public static async Task<SyncOutcome> ApplyAsync(
        DbConnection c, DbTransaction t, string entity, JsonObject body, ISet<ChangedEntity> touched, string? retainageItemId, CancellationToken ct)
    {
        if (!Tables.TryGetValue(entity, out var table))
        {
            throw new QuickBooksResponseException($"QuickBooks entity type '{entity}' is not one the back office reads.");
        }

        var json = new QuickBooksJson(entity, body);
        var held = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            $"SELECT sync_token FROM {table.Table} WHERE id = @Id", new { json.Id }, t, cancellationToken: ct));
        if (json.Deleted || held != json.SyncToken)
        {
            touched.UnionWith(await JournaledAsync(c, t, table, json.Id, ct));
        }

        if (json.Deleted)
        {
            await RemoveAsync(c, t, table, json.Id, ct);
            return held is null ? SyncOutcome.Unchanged : SyncOutcome.Deleted;
        }

        if (held == json.SyncToken)
        {
            return SyncOutcome.Unchanged;
        }

        await RemoveAsync(c, t, table, json.Id, ct);
        // Issue 16: a document without its DueDate is due as its synced term says, and remembers that term.
        var dated = await QuickBooksTerms.WithDueDateAsync(c, t, entity, body, ct);
        foreach (var (sql, row) in QuickBooksRowSql.Rows(new QuickBooksJson(entity, dated.Body), retainageItemId, dated.TermId))
        {
            await c.ExecuteAsync(new CommandDefinition(sql, row, t, cancellationToken: ct));
        }

        touched.UnionWith(await JournaledAsync(c, t, table, json.Id, ct));
        if (entity == "Term")
        {
            // Issue 16: a changed definition re-dates the documents this term dated (journaled with them).
            await QuickBooksTerms.RedateAsync(c, t, json.Id, touched, ct);
        }

        return held is null ? SyncOutcome.Added : SyncOutcome.Changed;
    }

    /// <summary>
    /// The change journal's entities of a stored row (issue 18). Items, classes and terms are no bundle file and no
    /// agent reads them to compute, so a change to them touches no entity a sweep recomputes. (Issue 16: a term sets the
    /// due date of a document synced after it, which is journaled with that document, and re-dates the documents it dated
    /// when its definition changes, each journaled by <see cref="QuickBooksTerms.RedateAsync"/>; a proposed owner invoice's
    /// due date is not in the proposal's key, so a changed term applies to it from the next recomputation.)
    /// </summary>
    private static async Task<IReadOnlyList<ChangedEntity>> JournaledAsync(
        DbConnection c, DbTransaction t, (string Table, string? Lines, string? LinesKey) table, string id, CancellationToken ct) => table.Table switch
    {
        "ledger_items" or "ledger_classes" or "ledger_terms" => [],
        "ledger_bill_payments" or "ledger_credit_memos" or "ledger_vendor_credits" => await QuickBooksCreditJournal.StoredAsync(c, t, table.Table, id, ct),
        _ => await ChangedEntities.StoredDocumentAsync(table.Table, table.Lines, table.LinesKey, id, c, t, ct),
    };

    private static async Task RemoveAsync(DbConnection c, DbTransaction t, (string Table, string? Lines, string? LinesKey) table, string id, CancellationToken ct)
    {
        var sql = table.Lines is null ? "" : $"DELETE FROM {table.Lines} WHERE {table.LinesKey} = @id; ";
        await c.ExecuteAsync(new CommandDefinition(sql + $"DELETE FROM {table.Table} WHERE id = @id", new { id }, t, cancellationToken: ct));
    }
}
