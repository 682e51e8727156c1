using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

public sealed record TenantInfo(string Id, string CreatedAt);

/// <summary>
/// Creates and lists tenants. Each tenant gets its own database file, or its rows in PostgreSQL behind row-level
/// security (DESIGN.md rule 6, issue 18).
/// </summary>
public sealed class TenantRegistry(TenantDataSource data, TimeProvider clock, AuditStore audit)
{
    /// <summary>Creates the tenant unless it exists; returns whether it was created. Audited in the control chain.</summary>
    public async Task<bool> CreateAsync(string tenant, string actor, CancellationToken cancellationToken)
    {
        DataDirectory.ValidTenantName(tenant);
        await using var unit = await data.WriteControlAsync(cancellationToken);
        var inserted = await unit.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tenants (name, created_at) VALUES (@tenant, @at) ON CONFLICT (name) DO NOTHING",
            new { tenant, at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, unit.Transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            await audit.AppendControlAsync(unit, actor, "tenant.created", $"tenant:{tenant}", new JsonObject(), cancellationToken);
        }

        await unit.CommitAsync(cancellationToken);
        // Opening the tenant now applies its migrations (a SQLite file per tenant), so a new tenant is usable at once.
        await using var tenantUnit = await data.For(tenant).ReadAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<TenantRow>(new CommandDefinition(
            "SELECT name AS Name, created_at AS CreatedAt FROM tenants ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(r => new TenantInfo(r.Name, r.CreatedAt)).ToList();
    }

    /// <summary>A keyed read (issue 18: every API request asks it, so it must not read every tenant).</summary>
    public async Task<bool> ExistsAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM tenants WHERE name = @tenant)", new { tenant }, cancellationToken: cancellationToken));
    }

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
