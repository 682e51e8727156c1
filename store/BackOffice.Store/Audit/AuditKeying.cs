using System.Globalization;
using BackOffice.Store.Control;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Audit;

/// <summary>
/// Issue 19, the migration of unkeyed chains: when an installation's key is created, every chain that already has events
/// gets an <c>audit.keyed</c> event, the first keyed one. `audit verify` checks the events before it with plain SHA-256
/// as before and says from which event the chain is keyed; every anchor is re-recorded with its MAC. Chains created
/// later are keyed from their first event.
/// </summary>
internal static class AuditKeying
{
    public const string KeyedKind = "audit.keyed";

    public static async Task KeyExistingChainsAsync(DataDirectory data, AuditKey key, CancellationToken cancellationToken)
    {
        var audit = new AuditStore(TimeProvider.System);
        await using var control = await Databases.OpenControlAsync(data.ControlDatabasePath, cancellationToken);
        await using (var transaction = await WriteRetryPolicy.Default.BeginAsync(control, cancellationToken))
        {
            await KeyChainAsync(audit, control, transaction, key, cancellationToken);
            var head = await HeadAsync(control, transaction, cancellationToken);
            if (head is not null)
            {
                await AuditAnchors.SetAsync(control, transaction, key, AuditAnchors.ControlChain, head.Seq, head.Hash, DateTimeOffset.UtcNow, cancellationToken);
            }

            await control.ExecuteAsync(new CommandDefinition(
                "INSERT OR IGNORE INTO audit_key (id, fingerprint, created_at) VALUES (1, @fp, @at)",
                new { fp = key.Fingerprint, at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var tenantDb in Directory.Exists(data.TenantsFolder)
                     ? Directory.GetDirectories(data.TenantsFolder).Select(d => Path.Combine(d, "tenant.db")).Where(File.Exists) : [])
        {
            await KeyTenantAsync(audit, control, tenantDb, key, cancellationToken);
        }
    }

    /// <summary>Keys one tenant's chain and re-records its anchor, if the anchor is still on the chain.</summary>
    private static async Task KeyTenantAsync(AuditStore audit, SqliteConnection control, string tenantDb, AuditKey key, CancellationToken cancellationToken)
    {
        var tenant = Path.GetFileName(Path.GetDirectoryName(tenantDb)!);
        await using var connection = await Databases.OpenTenantAsync(tenantDb, cancellationToken);
        await using var transaction = await WriteRetryPolicy.Default.BeginAsync(connection, cancellationToken);
        await KeyChainAsync(audit, connection, transaction, key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (await AuditAnchors.GetWithMacAsync(control, tenant, cancellationToken) is { } anchor)
        {
            // The old anchor's event is unchanged (keying only appends), so it is re-recorded as it was, now with a MAC.
            await AuditAnchors.SetAsync(control, null, key, tenant, anchor.Seq, anchor.Hash, DateTimeOffset.UtcNow, cancellationToken);
        }
    }

    private static Task KeyChainAsync(
        AuditStore audit, SqliteConnection connection, SqliteTransaction transaction, AuditKey key, CancellationToken cancellationToken) =>
        audit.EnsureKeyedAsync(connection, transaction, key, cancellationToken);

    private static Task<HeadRow?> HeadAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            "SELECT seq AS Seq, hash AS Hash FROM audit_events ORDER BY seq DESC LIMIT 1", transaction: transaction,
            cancellationToken: cancellationToken));

    private sealed class HeadRow
    {
        public long Seq { get; init; }
        public string Hash { get; init; } = "";
    }
}
