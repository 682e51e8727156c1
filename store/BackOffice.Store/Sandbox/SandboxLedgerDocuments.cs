using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>
/// A sandbox bill, journal entry or invoice as stored, in the QuickBooks shape of a Bill, JournalEntry or Invoice
/// (issues 13 and 17): the create's response carries it, and an undo refused for a moved SyncToken reads it again, so
/// <see cref="Ledger.LedgerChanges"/> names each field we wrote that differs now, before -> after, as it does for
/// QuickBooks documents. Every compared field is present (null when empty), so "none" on both sides is equal. The
/// invoice keeps the shape its responses have always had (LineNum, no PrivateNote): stored responses are compared to it.
/// </summary>
internal static class SandboxLedgerDocuments
{
    public static async Task<JsonObject?> BillAsync(DbConnection connection, DbTransaction? transaction, string billId, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            """
            SELECT id AS Id, vendor_id AS PartyId, doc_number AS DocNumber, txn_date AS TxnDate, due_date AS DueDate,
                   total_cents AS TotalCents, memo AS Memo, sync_token AS SyncToken
            FROM ledger_bills WHERE id = @billId
            """, new { billId }, transaction, cancellationToken: cancellationToken));
        if (head is null)
        {
            return null;
        }

        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT line_no AS LineNo, account_id AS AccountId, customer_id AS CustomerId, description AS Description, amount_cents AS AmountCents
            FROM ledger_bill_lines WHERE bill_id = @billId ORDER BY line_no
            """, new { billId }, transaction, cancellationToken: cancellationToken));
        var bill = Head(head);
        bill["VendorRef"] = Reference(head.PartyId);
        bill["DueDate"] = head.DueDate;
        bill["TotalAmt"] = Dollars(head.TotalCents);
        bill["Line"] = new JsonArray(lines.Select(l => (JsonNode)Line(l, "AccountBasedExpenseLineDetail", new JsonObject
        {
            ["AccountRef"] = Reference(l.AccountId),
            ["CustomerRef"] = Reference(l.CustomerId),
        })).ToArray());
        return bill;
    }

    public static async Task<JsonObject?> JournalEntryAsync(DbConnection connection, DbTransaction? transaction, string entryId, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            """
            SELECT id AS Id, doc_number AS DocNumber, txn_date AS TxnDate, memo AS Memo, sync_token AS SyncToken
            FROM ledger_journal_entries WHERE id = @entryId
            """, new { entryId }, transaction, cancellationToken: cancellationToken));
        if (head is null)
        {
            return null;
        }

        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(
            """
            SELECT line_no AS LineNo, account_id AS AccountId, posting_type AS PostingType, customer_id AS CustomerId,
                   vendor_id AS VendorId, description AS Description, amount_cents AS AmountCents
            FROM ledger_journal_lines WHERE journal_entry_id = @entryId ORDER BY line_no
            """, new { entryId }, transaction, cancellationToken: cancellationToken));
        var entry = Head(head);
        entry["Line"] = new JsonArray(lines.Select(l => (JsonNode)Line(l, "JournalEntryLineDetail", new JsonObject
        {
            ["PostingType"] = l.PostingType,
            ["AccountRef"] = Reference(l.AccountId),
            // As QuickBooksJournalWriter sends it: one entity a line, a vendor's before the job's (issue 16).
            ["Entity"] = Entity(l.VendorId is null ? "Customer" : "Vendor", l.VendorId ?? l.CustomerId),
        })).ToArray());
        return entry;
    }

    public static async Task<JsonObject?> InvoiceAsync(DbConnection connection, DbTransaction? transaction, string invoiceId, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            """
            SELECT id AS Id, customer_id AS PartyId, doc_number AS DocNumber, txn_date AS TxnDate, due_date AS DueDate,
                   total_cents AS TotalCents, sync_token AS SyncToken
            FROM ledger_invoices WHERE id = @invoiceId
            """, new { invoiceId }, transaction, cancellationToken: cancellationToken));
        if (head is null)
        {
            return null;
        }

        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(
            "SELECT line_no AS LineNo, item AS Item, description AS Description, amount_cents AS AmountCents FROM ledger_invoice_lines WHERE invoice_id = @invoiceId ORDER BY line_no",
            new { invoiceId }, transaction, cancellationToken: cancellationToken));
        return new JsonObject
        {
            ["Id"] = head.Id, ["SyncToken"] = head.SyncToken.ToString(CultureInfo.InvariantCulture),
            ["CustomerRef"] = Reference(head.PartyId), ["DocNumber"] = head.DocNumber,
            ["TxnDate"] = head.TxnDate, ["DueDate"] = head.DueDate, ["TotalAmt"] = Dollars(head.TotalCents),
            ["Line"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["LineNum"] = l.LineNo, ["Amount"] = Dollars(l.AmountCents), ["Description"] = l.Description, ["DetailType"] = "SalesItemLineDetail",
                ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = Reference(l.Item) },
            }).ToArray()),
        };
    }

    /// <summary>
    /// <paramref name="current"/> cut to the fields <paramref name="written"/> has: an invoice written before its
    /// response carried the customer and lines is compared on what it kept, not reported as "(none) -> ...".
    /// </summary>
    public static JsonObject Kept(JsonObject current, JsonObject written)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in current)
        {
            if (written.ContainsKey(name))
            {
                kept[name] = value?.DeepClone();
            }
        }

        return kept;
    }

    private static JsonObject Head(HeadRow head) => new()
    {
        ["Id"] = head.Id,
        ["SyncToken"] = head.SyncToken.ToString(CultureInfo.InvariantCulture),
        ["DocNumber"] = head.DocNumber,
        ["TxnDate"] = head.TxnDate,
        // The memo is what QuickBooks calls PrivateNote (QuickBooksLedgerWriter writes it there).
        ["PrivateNote"] = head.Memo,
    };

    private static JsonObject Line(LineRow line, string detailType, JsonObject detail) => new()
    {
        ["Id"] = line.LineNo.ToString(CultureInfo.InvariantCulture),
        ["Amount"] = Dollars(line.AmountCents),
        ["Description"] = line.Description,
        ["DetailType"] = detailType,
        [detailType] = detail,
    };

    private static JsonObject? Reference(string? id) => id is null ? null : new JsonObject { ["value"] = id };

    private static JsonObject? Entity(string type, string? id) =>
        id is null ? null : new JsonObject { ["Type"] = type, ["EntityRef"] = new JsonObject { ["value"] = id } };

    private static string Dollars(long cents) => Cents.ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class HeadRow
    {
        public string Id { get; init; } = "";
        public string? PartyId { get; init; }
        public string? DocNumber { get; init; }
        public string TxnDate { get; init; } = "";
        public string? DueDate { get; init; }
        public long TotalCents { get; init; }
        public string? Memo { get; init; }
        public long SyncToken { get; init; }
    }

    private sealed class LineRow
    {
        public long LineNo { get; init; }
        public string? AccountId { get; init; }
        public string? Item { get; init; }
        public string? PostingType { get; init; }
        public string? CustomerId { get; init; }
        public string? VendorId { get; init; }
        public string? Description { get; init; }
        public long AmountCents { get; init; }
    }
}
