using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>
/// A sandbox invoice as stored, in the QuickBooks shape of an Invoice (issue 13): the create's response carries it,
/// and an undo refused for a moved SyncToken reads it again, so <see cref="Ledger.LedgerChanges"/> compares what we
/// wrote with what the ledger holds now, field by field, as it does for QuickBooks invoices.
/// </summary>
internal static class SandboxInvoiceDocument
{
    public static async Task<JsonObject?> ReadAsync(DbConnection connection, DbTransaction? transaction, string invoiceId, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            """
            SELECT id AS Id, customer_id AS CustomerId, doc_number AS DocNumber, txn_date AS TxnDate, due_date AS DueDate,
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
            ["CustomerRef"] = new JsonObject { ["value"] = head.CustomerId }, ["DocNumber"] = head.DocNumber,
            ["TxnDate"] = head.TxnDate, ["DueDate"] = head.DueDate, ["TotalAmt"] = Dollars(head.TotalCents),
            ["Line"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject
            {
                ["LineNum"] = l.LineNo, ["Amount"] = Dollars(l.AmountCents), ["Description"] = l.Description, ["DetailType"] = "SalesItemLineDetail",
                ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = l.Item is null ? null : new JsonObject { ["value"] = l.Item } },
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

    private static string Dollars(long cents) => Cents.ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class HeadRow
    {
        public string Id { get; init; } = "";
        public string CustomerId { get; init; } = "";
        public string? DocNumber { get; init; }
        public string TxnDate { get; init; } = "";
        public string DueDate { get; init; } = "";
        public long TotalCents { get; init; }
        public long SyncToken { get; init; }
    }

    private sealed class LineRow
    {
        public long LineNo { get; init; }
        public string? Item { get; init; }
        public string? Description { get; init; }
        public long AmountCents { get; init; }
    }
}
