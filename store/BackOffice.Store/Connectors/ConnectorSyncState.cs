using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors;

/// <summary>A connector's small key/value sync state (its watermark), in its own table of (key, value) (issues 13 and 14).</summary>
public sealed class ConnectorSyncState(TenantData tenant, string table)
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT value FROM {table} WHERE key = @key", new { key }, cancellationToken: cancellationToken));
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {table} (key, value) VALUES (@key, @value) ON CONFLICT ({unit.ConflictOn("key")}) DO UPDATE SET value = excluded.value",
            new { key, value }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }
}
