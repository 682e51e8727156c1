using System.Data.Common;
using BackOffice.Store.Sweeps;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// The change journal's entities of a stored bill payment, credit memo or vendor credit (issues 13 and 18). These are
/// no bundle file, so <see cref="ChangedEntities"/> has no spec for them: a bill payment touches its vendor and every
/// bill it pays (a bill paid or reopened changes what A/P shows), a credit memo its customer, a vendor credit its vendor.
/// </summary>
internal static class QuickBooksCreditJournal
{
    public static async Task<IReadOnlyList<ChangedEntity>> StoredAsync(DbConnection c, DbTransaction t, string table, string id, CancellationToken ct)
    {
        var (kind, column) = table == "ledger_credit_memos" ? ("customer", "customer_id") : ("vendor", "vendor_id");
        var owner = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT {column} FROM {table} WHERE id = @id", new { id }, t, cancellationToken: ct));
        if (owner is null)
        {
            return [];
        }

        var entities = new List<ChangedEntity> { new(kind, owner) };
        if (table != "ledger_bill_payments")
        {
            return entities;
        }

        var bills = await c.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT bill_id FROM ledger_bill_payment_lines WHERE bill_payment_id = @id ORDER BY bill_id", new { id }, t, cancellationToken: ct));
        foreach (var bill in bills)
        {
            entities.AddRange(await ChangedEntities.StoredDocumentAsync("ledger_bills", "ledger_bill_lines", "bill_id", bill, c, t, ct));
        }

        return entities;
    }
}
