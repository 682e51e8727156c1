using System.Data.Common;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Issue 16: invoices synced before the tenant's RetainageItem was set (or while it named another item) hold their
/// lines on that item as work, and the sync skips a row whose SyncToken it holds, so they would stay so until they next
/// change in QuickBooks. When the resolved retainage item differs from the one the stored invoices were last mapped with
/// (quickbooks_sync_state key <see cref="StateKey"/>), the stored invoice lines on the new item are mapped as a fresh
/// sync maps them (<see cref="QuickBooksRowSql"/>: a negative line is retainage withheld and no line, a positive one a
/// "Retainage release" line; the lines renumbered as a fresh sync numbers them), from what is stored: no invoice is read
/// again. A stored line names its item by the ItemRef's name (else its Id), so it is matched on the item's Id, name or
/// full name. Lines mapped for a previous item cannot be unmapped from what is stored (a withheld line is kept only as
/// the invoice's retainage), so those invoices keep that mapping until they change in QuickBooks.
/// </summary>
internal static class QuickBooksRetainageRemap
{
    public const string StateKey = "retainage_item_id";

    private sealed record Line(string Id, long LineNo, string? Item, long AmountCents);

    /// <summary>Maps the stored invoices for the current item if it changed; returns how many invoices changed.</summary>
    public static async Task<int> RunAsync(
        DbConnection c, DbTransaction t, QuickBooksItemSetting setting, string tenant, ISet<ChangedEntity> touched, CancellationToken ct)
    {
        if (await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM ledger_invoices WHERE origin = 'quickbooks'", transaction: t, cancellationToken: ct)) == 0)
        {
            // Nothing stored to map: the first invoices synced are mapped as they are applied.
            return 0;
        }

        var itemId = setting.IsSet ? await QuickBooksRetainageLines.ResolveAsync(c, t, setting, tenant, ct) : null;
        var applied = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM quickbooks_sync_state WHERE key = @StateKey", new { StateKey }, t, cancellationToken: ct));
        if ((applied ?? "") == (itemId ?? ""))
        {
            return 0;
        }

        var moved = itemId is null ? 0 : await MapAsync(c, t, itemId, touched, ct);
        await c.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quickbooks_sync_state (key, value) VALUES (@StateKey, @Value)
            ON CONFLICT ({StoreSql.ConflictOn(c, "key")}) DO UPDATE SET value = excluded.value
            """, new { StateKey, Value = itemId ?? "" }, t, cancellationToken: ct));
        return moved;
    }

    private static async Task<int> MapAsync(DbConnection c, DbTransaction t, string itemId, ISet<ChangedEntity> touched, CancellationToken ct)
    {
        var names = await c.QuerySingleAsync<(string Name, string FullyQualifiedName)>(new CommandDefinition(
            "SELECT name, fully_qualified_name FROM ledger_items WHERE id = @itemId", new { itemId }, t, cancellationToken: ct));
        var on = new HashSet<string>([itemId, names.Name, names.FullyQualifiedName], StringComparer.Ordinal);
        var invoices = await c.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT l.invoice_id FROM ledger_invoice_lines l JOIN ledger_invoices i ON i.id = l.invoice_id
            WHERE i.origin = 'quickbooks' AND l.item IN @on ORDER BY l.invoice_id
            """, new { on }, t, cancellationToken: ct));
        var moved = 0;
        foreach (var invoiceId in invoices)
        {
            touched.UnionWith(await ChangedEntities.StoredDocumentAsync("ledger_invoices", "ledger_invoice_lines", "invoice_id", invoiceId, c, t, ct));
            await MapInvoiceAsync(c, t, invoiceId, on, ct);
            touched.UnionWith(await ChangedEntities.StoredDocumentAsync("ledger_invoices", "ledger_invoice_lines", "invoice_id", invoiceId, c, t, ct));
            moved++;
        }

        return moved;
    }

    /// <summary>One invoice as a fresh sync stores it: withheld lines folded into its retainage, the others renumbered in order.</summary>
    private static async Task MapInvoiceAsync(DbConnection c, DbTransaction t, string invoiceId, IReadOnlySet<string> on, CancellationToken ct)
    {
        var lines = (await c.QueryAsync<Line>(new CommandDefinition(
            "SELECT id AS Id, line_no AS LineNo, item AS Item, amount_cents AS AmountCents FROM ledger_invoice_lines WHERE invoice_id = @invoiceId ORDER BY line_no",
            new { invoiceId }, t, cancellationToken: ct))).ToList();
        var withheld = lines.Where(l => IsOn(l, on) && l.AmountCents < 0).ToList();
        foreach (var line in withheld)
        {
            await c.ExecuteAsync(new CommandDefinition("DELETE FROM ledger_invoice_lines WHERE id = @Id", new { line.Id }, t, cancellationToken: ct));
        }

        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE ledger_invoices SET retainage_cents = retainage_cents + @withheld WHERE id = @invoiceId",
            new { withheld = -withheld.Sum(l => l.AmountCents), invoiceId }, t, cancellationToken: ct));
        var n = 0;
        // In line order each line takes a number no higher than its own, freed by a withheld line or by the line renumbered before it.
        foreach (var line in lines.Except(withheld))
        {
            n++;
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE ledger_invoice_lines SET id = @newId, line_no = @n, item = @item WHERE id = @Id",
                new { newId = $"{invoiceId}-{n}", n, item = IsOn(line, on) ? InvoiceLineDraft.ReleaseItem : line.Item, line.Id }, t, cancellationToken: ct));
        }
    }

    private static bool IsOn(Line line, IReadOnlySet<string> on) => line.Item is { } item && on.Contains(item);
}
