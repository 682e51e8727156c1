using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Issue 16: which synced item an invoice's retainage lines are on, looked up when invoices are applied (in the same
/// transaction, so items applied earlier in the sync count). Inactive items count too: an item made inactive since
/// still marks the retainage on the invoices that used it. A setting that names no item fails the batch in plain
/// words, because reading the retainage as work would show it twice (withheld on the invoice and held by a true-up).
/// </summary>
internal static class QuickBooksRetainageLines
{
    public static async Task<string?> ItemIdAsync(
        DbConnection c, DbTransaction t, QuickBooksItemSetting? setting, string tenant, string entity, IReadOnlyList<JsonObject> items, CancellationToken ct)
    {
        if (entity != "Invoice" || setting is not { IsSet: true } || items.All(i => i["status"]?.ToString() == "Deleted"))
        {
            return null;
        }

        return await ResolveAsync(c, t, setting, tenant, ct);
    }

    /// <summary>The synced item a set RetainageItem setting names (active or not), or a mapping error naming the setting.</summary>
    public static async Task<string> ResolveAsync(DbConnection c, DbTransaction t, QuickBooksItemSetting setting, string tenant, CancellationToken ct)
    {
        var entries = (await c.QueryAsync<QuickBooksListEntry>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, fully_qualified_name AS FullyQualifiedName FROM ledger_items ORDER BY id",
            transaction: t, cancellationToken: ct))).ToList();
        return QuickBooksLists.Find(entries, setting.Key, setting.Name, "item", tenant, active: false);
    }
}
