using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Undo reads a record we wrote back from QuickBooks before deleting it (issue 13). When QuickBooks no longer has it,
/// the local copy goes at once, as the next sync's CDC would remove it: an undo that crashed after QuickBooks'
/// delete but before ours is retried, finds nothing to delete, and must not leave the ledger tables holding a record
/// QuickBooks no longer has until the next sync (found by QuickBooksBillCrashMatrixTests).
/// </summary>
internal static class QuickBooksReadBack
{
    /// <summary>The entity as QuickBooks holds it now, or null (and the local copy removed) when it is gone.</summary>
    public static async Task<JsonObject?> ReadOrForgetAsync(QuickBooksApi api, TenantData tenant, string entity, string id, CancellationToken cancellationToken)
    {
        var current = await api.ReadAsync(tenant, entity, id, cancellationToken);
        if (current is null)
        {
            await ForgetAsync(tenant, entity, id, cancellationToken);
        }

        return current;
    }

    /// <summary>Applies a CDC deletion stub for the entity to the local ledger tables (journaled like a sync batch).</summary>
    public static Task ForgetAsync(TenantData tenant, string entity, string id, CancellationToken cancellationToken) =>
        tenant.QuickBooksSync.ApplyAsync(entity, [new JsonObject { ["Id"] = id, ["status"] = "Deleted" }], null, cancellationToken);
}
