using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Ledger;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>Bill create and delete in the sandbox, checked the way QuickBooks Online checks them.</summary>
internal static class SandboxBills
{
    public static async Task<LedgerWriteResult> CreateAsync(
        DbConnection connection, DbTransaction transaction, BillDraft bill, CancellationToken cancellationToken)
    {
        SandboxChecks.RequireLines(bill.Lines);
        await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_vendors", "Vendor", bill.VendorId, cancellationToken);
        var cents = new long[bill.Lines.Count];
        for (var i = 0; i < bill.Lines.Count; i++)
        {
            var line = bill.Lines[i];
            await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_accounts", "Account", line.AccountId, cancellationToken);
            if (line.CustomerId is not null)
            {
                await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_customers", "Customer", line.CustomerId, cancellationToken);
            }

            cents[i] = SandboxChecks.ToCents(line.Amount, i + 1, allowNegative: true);
        }

        var total = cents.Sum();
        SandboxChecks.RequireNonNegativeTotal(total);
        var id = await SandboxRequests.NextIdAsync(connection, transaction, "bill", cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, due_date, total_cents, memo, origin, sync_token, status, row_hash)
            VALUES (@id, @VendorId, @DocNumber, @txnDate, @dueDate, @total, @Memo, 'sandbox', 0, 'active', @rowHash)
            """,
            new { id, bill.VendorId, bill.DocNumber, txnDate = Iso(bill.TxnDate), dueDate = bill.DueDate is { } d ? Iso(d) : null, total, bill.Memo, rowHash = $"sandbox:{id}:0" },
            transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < bill.Lines.Count; i++)
        {
            var line = bill.Lines[i];
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, description, amount_cents, row_hash)
                VALUES (@lineId, @id, @lineNo, @AccountId, @CustomerId, @CostCode, @Description, @amount, @rowHash)
                """,
                new { lineId = $"{id}-{i + 1}", id, lineNo = i + 1, line.AccountId, line.CustomerId, line.CostCode, line.Description, amount = cents[i], rowHash = $"sandbox:{id}:0" },
                transaction, cancellationToken: cancellationToken));
        }

        // Issue 17: the bill as stored, due date and memo included, so an undo can name what moved since.
        var response = new JsonObject { ["Bill"] = await SandboxLedgerDocuments.BillAsync(connection, transaction, id, cancellationToken) };
        return new LedgerWriteResult(id, 0, response);
    }

    public static async Task<LedgerWriteResult> DeleteAsync(
        DbConnection connection, DbTransaction transaction, string billId, long syncToken, CancellationToken cancellationToken)
    {
        var bill = await GetAsync(connection, transaction, billId, cancellationToken);
        if (bill is null)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.ObjectNotFound, $"Object Not Found: Bill {billId}.");
        }

        SandboxChecks.RequireCurrentToken("Bill", billId, bill.SyncToken, syncToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ledger_bill_lines WHERE bill_id = @billId; DELETE FROM ledger_bills WHERE id = @billId;",
            new { billId }, transaction, cancellationToken: cancellationToken));
        var response = new JsonObject
        {
            ["Bill"] = new JsonObject { ["Id"] = billId, ["SyncToken"] = syncToken.ToString(CultureInfo.InvariantCulture), ["status"] = "Deleted" },
        };
        return new LedgerWriteResult(billId, syncToken, response);
    }

    public static async Task<LedgerBillRef?> GetAsync(
        DbConnection connection, DbTransaction? transaction, string billId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<BillRefRow>(new CommandDefinition(
            "SELECT id AS Id, sync_token AS SyncToken, status AS Status FROM ledger_bills WHERE id = @billId",
            new { billId }, transaction, cancellationToken: cancellationToken));
        return row?.ToRef();
    }

    public static async Task<IReadOnlyList<LedgerBillRef>> FindAsync(
        DbConnection connection, string vendorId, string docNumber, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<BillRefRow>(new CommandDefinition(
            "SELECT id AS Id, sync_token AS SyncToken, status AS Status FROM ledger_bills WHERE vendor_id = @vendorId AND doc_number = @docNumber ORDER BY id",
            new { vendorId, docNumber }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRef()).ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class BillRefRow
    {
        public string Id { get; init; } = "";
        public long SyncToken { get; init; }
        public string Status { get; init; } = "";

        public LedgerBillRef ToRef() => new(Id, SyncToken, Status);
    }
}
