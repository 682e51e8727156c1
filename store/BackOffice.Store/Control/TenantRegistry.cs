using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

public sealed record TenantInfo(string Id, string CreatedAt);

/// <summary>Creates and lists tenants. Each tenant gets its own database file (DESIGN.md rule 6).</summary>
public sealed class TenantRegistry(DataDirectory data, TimeProvider clock, AuditStore audit)
{
    /// <summary>Creates the tenant unless it exists; returns whether it was created. Audited in the control chain.</summary>
    public async Task<bool> CreateAsync(string tenant, string actor, CancellationToken cancellationToken)
    {
        DataDirectory.ValidTenantName(tenant);
        await using var connection = await Databases.OpenControlAsync(data.ControlDatabasePath, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tenants (name, created_at) VALUES (@tenant, @at) ON CONFLICT (name) DO NOTHING",
            new { tenant, at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            await audit.AppendAsync(connection, transaction, actor, "tenant.created", $"tenant:{tenant}", new JsonObject(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        // Creating the database now applies its migrations, so a new tenant is usable at once.
        await using var tenantConnection = await Databases.OpenTenantAsync(data.TenantDatabasePath(tenant), cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Databases.OpenControlAsync(data.ControlDatabasePath, cancellationToken);
        var rows = await connection.QueryAsync<TenantRow>(new CommandDefinition(
            "SELECT name AS Name, created_at AS CreatedAt FROM tenants ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(r => new TenantInfo(r.Name, r.CreatedAt)).ToList();
    }

    public async Task<bool> ExistsAsync(string tenant, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Any(t => t.Id == tenant);

    private sealed class TenantRow
    {
        public string Name { get; init; } = "";
        public string CreatedAt { get; init; } = "";
    }
}

public sealed class UnknownTenantException(string tenant)
    : Exception($"Tenant '{tenant}' does not exist. Create it with: backoffice tenant create {tenant}")
{
    public string Tenant { get; } = tenant;
}
