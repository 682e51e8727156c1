using System.Data.Common;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 14: a merge import (export files as downloaded) removes no record an export leaves out, since an export may be
/// filtered, but it carries each document it names whole: a bill, invoice or journal entry of QuickBooks' Transaction
/// Detail report comes with all its lines. So the lines of a document the import carries are replaced, not merged: a
/// stored line of that document the import does not list is deleted (a corrected report with one line fewer), and each
/// deletion is journaled with its entities, so the next incremental sweep sees the bill and job it changed.
/// </summary>
internal static class BundleLineReplacement
{
    /// <summary>Line files whose documents an export carries whole, and the column naming the document.</summary>
    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal)
    {
        ["ledger/bill-lines.csv"] = "bill_id", ["ledger/invoice-lines.csv"] = "invoice_id",
        ["ledger/payment-lines.csv"] = "payment_id", ["ledger/journal-lines.csv"] = "journal_entry_id",
        ["project/commitment-lines.csv"] = "commitment_id", ["project/pay-app-lines.csv"] = "pay_app_id",
        ["project/sub-invoice-lines.csv"] = "sub_invoice_id",
    };

    /// <summary>Deletes the owned stored lines of each document <paramref name="table"/> carries that it does not list; returns how many.</summary>
    public static async Task<int> DeleteReplacedAsync(
        ParsedTable table, DbConnection connection, DbTransaction transaction, ISet<ChangedEntity> touched, CancellationToken cancellationToken)
    {
        var spec = table.Spec;
        if (!Documents.TryGetValue(spec.Path, out var document))
        {
            return 0;
        }

        var removed = 0;
        var owned = spec.Scope is null ? "" : $" AND ({spec.Scope})";
        foreach (var id in table.Rows.Select(r => table.Value(r, document)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // Identifiers come from the fixed schema; only the document id is a parameter.
            var stored = await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT {spec.Key} FROM {spec.Table} WHERE {document} = @id{owned} ORDER BY {spec.Key}", new { id }, transaction,
                cancellationToken: cancellationToken));
            foreach (var key in stored.Where(k => !table.ByKey.ContainsKey(k)).ToList())
            {
                await BundleWriter.DeleteRowAsync(spec, key, connection, transaction, touched, cancellationToken);
                removed++;
            }
        }

        return removed;
    }
}
