using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

public sealed record UserRecord(string Id, string Role, string? Department, string? Tenant, string CreatedAt);

/// <summary>Users and their roles, kept in the control database.</summary>
public sealed class UserDirectory(TenantDataSource data, TimeProvider clock, AuditStore audit)
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal) { "viewer", "approver", "lead", "admin" };

    /// <summary>Adds a user, or updates the role and department of an existing one.</summary>
    public async Task AddAsync(string name, string role, string? department, string? tenant, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A user needs a name.", nameof(name));
        }

        if (!Roles.Contains(role))
        {
            throw new ArgumentException($"Role '{role}' is not one of: {string.Join(", ", Roles)}.", nameof(role));
        }

        if (role == "lead" && string.IsNullOrWhiteSpace(department))
        {
            throw new ArgumentException("A lead leads a department: give --department (e.g. finance, collections, payroll).", nameof(department));
        }

        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (name, role, department, tenant, created_at) VALUES (@name, @role, @department, @tenant, @at)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, department = excluded.department, tenant = excluded.tenant
            """,
            new { name, role, department, tenant, at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            unit.Transaction, cancellationToken: cancellationToken));
        await audit.AppendControlAsync(unit, actor, "user.saved", $"user:{name}",
            new JsonObject { ["role"] = role, ["department"] = department, ["tenant"] = tenant }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>One user by name: a keyed read (issue 18: it runs on every API request, so it must not read every user).</summary>
    public async Task<UserRecord?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE name = @name", new { name }, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken) => QueryAsync("ORDER BY name", null, cancellationToken);

    /// <param name="tail">This class's own WHERE or ORDER BY; every value is a parameter.</param>
    private async Task<IReadOnlyList<UserRecord>> QueryAsync(string tail, object? parameters, CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        var rows = await unit.Connection.QueryAsync<UserRow>(new CommandDefinition(
            $"SELECT name AS Name, role AS Role, department AS Department, tenant AS Tenant, created_at AS CreatedAt FROM users {tail}",
            parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new UserRecord(r.Name, r.Role, r.Department, r.Tenant, r.CreatedAt)).ToList();
    }

    private sealed class UserRow
    {
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string? Department { get; init; }
        public string? Tenant { get; init; }
        public string CreatedAt { get; init; } = "";
    }
}
