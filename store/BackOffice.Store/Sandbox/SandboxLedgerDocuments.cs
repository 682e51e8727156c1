using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>
/// A sandbox bill or journal entry as stored, in the QuickBooks shape of a Bill or JournalEntry (issue 17, as
/// <see cref="SandboxInvoiceDocument"/> is for invoices): the create's response carries it, and an undo refused for a
/// moved SyncToken reads it again, so <see cref="Ledger.LedgerChanges"/> names each field we wrote that differs now,
/// before -> after. Every compared field is present (null when empty), so "none" on both sides is equal.
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
        public string AccountId { get; init; } = "";
        public string? PostingType { get; init; }
        public string? CustomerId { get; init; }
        public string? VendorId { get; init; }
        public string? Description { get; init; }
        public long AmountCents { get; init; }
    }
}
