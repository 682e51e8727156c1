using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Store.Ledger;
using Dapper;

namespace BackOffice.Store.Sandbox;

/// <summary>Journal entry create and delete in the sandbox: debits must equal credits, as QuickBooks Online requires.</summary>
internal static class SandboxJournalEntries
{
    public static async Task<LedgerWriteResult> CreateAsync(
        DbConnection connection, DbTransaction transaction, JournalEntryDraft entry, CancellationToken cancellationToken)
    {
        SandboxChecks.RequireLines(entry.Lines);
        var cents = new long[entry.Lines.Count];
        for (var i = 0; i < entry.Lines.Count; i++)
        {
            var line = entry.Lines[i];
            await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_accounts", "Account", line.AccountId, cancellationToken);
            if (line.CustomerId is not null)
            {
                await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_customers", "Customer", line.CustomerId, cancellationToken);
            }

            if (line.VendorId is not null)
            {
                await SandboxChecks.RequireActiveAsync(connection, transaction, "ledger_vendors", "Vendor", line.VendorId, cancellationToken);
            }

            cents[i] = SandboxChecks.ToCents(line.Amount, i + 1);
        }

        var debits = entry.Lines.Select((l, i) => l.PostingType == PostingType.Debit ? cents[i] : 0).Sum();
        var credits = entry.Lines.Select((l, i) => l.PostingType == PostingType.Credit ? cents[i] : 0).Sum();
        if (debits != credits)
        {
            throw new SandboxLedgerException(
                SandboxErrorCodes.BusinessValidation,
                $"Business Validation Error: debits {Dollars(debits)} do not equal credits {Dollars(credits)}.");
        }

        var id = await SandboxRequests.NextIdAsync(connection, transaction, "je", cancellationToken);
        var txnDate = entry.TxnDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ledger_journal_entries (id, txn_date, doc_number, memo, origin, sync_token, status, row_hash)
            VALUES (@id, @txnDate, @DocNumber, @Memo, 'sandbox', 0, 'active', @rowHash)
            """,
            new { id, txnDate, entry.DocNumber, entry.Memo, rowHash = $"sandbox:{id}:0" }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < entry.Lines.Count; i++)
        {
            var line = entry.Lines[i];
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO ledger_journal_lines (id, journal_entry_id, line_no, account_id, posting_type, amount_cents, customer_id, vendor_id, description, row_hash)
                VALUES (@lineId, @id, @lineNo, @AccountId, @postingType, @amount, @CustomerId, @VendorId, @Description, @rowHash)
                """,
                new { lineId = $"{id}-{i + 1}", id, lineNo = i + 1, line.AccountId, postingType = line.PostingType.ToString(), amount = cents[i], line.CustomerId, line.VendorId, line.Description, rowHash = $"sandbox:{id}:0" },
                transaction, cancellationToken: cancellationToken));
        }

        // Issue 17: the entry as stored, memo and each line's entity included, so an undo can name what moved since.
        var response = new JsonObject { ["JournalEntry"] = await SandboxLedgerDocuments.JournalEntryAsync(connection, transaction, id, cancellationToken) };
        return new LedgerWriteResult(id, 0, response);
    }

    public static async Task<LedgerWriteResult> DeleteAsync(
        DbConnection connection, DbTransaction transaction, string entryId, long syncToken, CancellationToken cancellationToken)
    {
        var current = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT sync_token FROM ledger_journal_entries WHERE id = @entryId", new { entryId }, transaction, cancellationToken: cancellationToken));
        if (current is null)
        {
            throw new SandboxLedgerException(SandboxErrorCodes.ObjectNotFound, $"Object Not Found: JournalEntry {entryId}.");
        }

        SandboxChecks.RequireCurrentToken("JournalEntry", entryId, current.Value, syncToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ledger_journal_lines WHERE journal_entry_id = @entryId; DELETE FROM ledger_journal_entries WHERE id = @entryId;",
            new { entryId }, transaction, cancellationToken: cancellationToken));
        var response = new JsonObject
        {
            ["JournalEntry"] = new JsonObject { ["Id"] = entryId, ["SyncToken"] = syncToken.ToString(CultureInfo.InvariantCulture), ["status"] = "Deleted" },
        };
        return new LedgerWriteResult(entryId, syncToken, response);
    }

    private static string Dollars(long cents) => Cents.ToDollars(cents).ToString("0.00", CultureInfo.InvariantCulture);
}
