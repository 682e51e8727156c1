using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// again for that. A stored line names its item by the ItemRef's name (else its Id), so it is matched on the item's Id,
/// name or full name. Lines mapped for a previous item do not carry that item any more (a withheld line is kept only
/// as the invoice's retainage, a released one as "Retainage release"), so when the setting moves off an item the
/// invoices that hold a mapping (<see cref="RereadIdsAsync"/>) are read again by id and applied with the new item
/// (<see cref="RunAsync"/>'s <c>reread</c>), as a fresh connect would store them.
/// </summary>
internal static class QuickBooksRetainageRemap
{
    public const string StateKey = "retainage_item_id";

    private sealed record Line(string Id, long LineNo, string? Item, long AmountCents);

    /// <summary>
    /// The stored QuickBooks invoices that hold a retainage mapping for an item the setting no longer names (withheld
    /// retainage or a "Retainage release" line): read again by id for <see cref="RunAsync"/>. None when the item is unchanged
    /// or no item was applied before.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RereadIdsAsync(
        DbConnection c, DbTransaction t, QuickBooksItemSetting setting, string tenant, CancellationToken ct)
    {
        var (applied, itemId) = await ItemsAsync(c, t, setting, tenant, ct);
        if (applied is null || applied.Length == 0 || applied == (itemId ?? ""))
        {
            return [];
        }

        return (await c.QueryAsync<string>(new CommandDefinition(
            """
            SELECT i.id FROM ledger_invoices i WHERE i.origin = 'quickbooks' AND (i.retainage_cents <> 0
                OR EXISTS (SELECT 1 FROM ledger_invoice_lines l WHERE l.invoice_id = i.id AND l.item = @Release))
            ORDER BY i.id
            """, new { Release = InvoiceLineDraft.ReleaseItem }, t, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Maps the stored invoices for the current item if it changed: first the <paramref name="reread"/> invoices (as
    /// QuickBooks holds them now, or deletion stubs for ids it no longer has) applied with the new item, then the stored
    /// lines on the new item; returns how many invoices changed.
    /// </summary>
    public static async Task<int> RunAsync(DbConnection c, DbTransaction t, QuickBooksItemSetting setting, string tenant,
        IReadOnlyList<JsonObject> reread, ISet<ChangedEntity> touched, CancellationToken ct)
    {
        if (await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM ledger_invoices WHERE origin = 'quickbooks'", transaction: t, cancellationToken: ct)) == 0)
        {
            // Nothing stored to map: the first invoices synced are mapped as they are applied.
            return 0;
        }

        var (applied, itemId) = await ItemsAsync(c, t, setting, tenant, ct);
        if ((applied ?? "") == (itemId ?? ""))
        {
            return 0;
        }

        var moved = await ReapplyAsync(c, t, reread, itemId, touched, ct);
        moved += itemId is null ? 0 : await MapAsync(c, t, itemId, touched, ct);
        await c.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO quickbooks_sync_state (key, value) VALUES (@StateKey, @Value)
            ON CONFLICT ({StoreSql.ConflictOn(c, "key")}) DO UPDATE SET value = excluded.value
            """, new { StateKey, Value = itemId ?? "" }, t, cancellationToken: ct));
        return moved;
    }

    /// <summary>The item the stored invoices were last mapped with (null: never recorded) and the one the setting resolves to.</summary>
    private static async Task<(string? Applied, string? ItemId)> ItemsAsync(
        DbConnection c, DbTransaction t, QuickBooksItemSetting setting, string tenant, CancellationToken ct)
    {
        var itemId = setting.IsSet ? await QuickBooksRetainageLines.ResolveAsync(c, t, setting, tenant, ct) : null;
        var applied = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM quickbooks_sync_state WHERE key = @StateKey", new { StateKey }, t, cancellationToken: ct));
        return (applied, itemId);
    }

    /// <summary>
    /// Applies each invoice read again with the new item even though its SyncToken is the one held (the stored token is
    /// set to -1, which no QuickBooks token is); a copy newer than the one read (a webhook applied it meanwhile, with the
    /// current item) is kept.
    /// </summary>
    private static async Task<int> ReapplyAsync(
        DbConnection c, DbTransaction t, IReadOnlyList<JsonObject> reread, string? itemId, ISet<ChangedEntity> touched, CancellationToken ct)
    {
        var moved = 0;
        foreach (var body in reread)
        {
            var json = new QuickBooksJson("Invoice", body);
            var held = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT sync_token FROM ledger_invoices WHERE id = @Id", new { json.Id }, t, cancellationToken: ct));
            if (!json.Deleted && held > json.SyncToken)
            {
                continue;
            }

            await c.ExecuteAsync(new CommandDefinition("UPDATE ledger_invoices SET sync_token = -1 WHERE id = @Id", new { json.Id }, t, cancellationToken: ct));
            moved += await QuickBooksLedgerRows.ApplyAsync(c, t, "Invoice", body, touched, itemId, ct) == SyncOutcome.Unchanged ? 0 : 1;
        }

        return moved;
    }

    private static async Task<int> MapAsync(DbConnection c, DbTransaction t, string itemId, ISet<ChangedEntity> touched, CancellationToken ct)
    {
        var names = await c.QuerySingleAsync<(string Name, string FullyQualifiedName)>(new CommandDefinition(
            "SELECT name, fully_qualified_name FROM ledger_items WHERE id = @itemId", new { itemId }, t, cancellationToken: ct));
        var on = new HashSet<string>([itemId, names.Name, names.FullyQualifiedName], StringComparer.Ordinal);
        // Issue 16: the names as a JSON array (StoreSql.InJson): Npgsql takes no set for Dapper's list expansion.
        var invoices = await c.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT DISTINCT l.invoice_id FROM ledger_invoice_lines l JOIN ledger_invoices i ON i.id = l.invoice_id
            WHERE i.origin = 'quickbooks' AND {StoreSql.InJson(c, "l.item", "@on")} ORDER BY l.invoice_id
            """, new { on = JsonSerializer.Serialize(on.Order(StringComparer.Ordinal)) }, t, cancellationToken: ct));
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
