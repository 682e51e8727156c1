using System.Globalization;
using Dapper;
using Npgsql;

namespace BackOffice.Store.Postgres;

/// <summary>
/// Applies the PostgreSQL migration set (issue 18), as the tables' owner: control tables in schema "control",
/// tenant tables in schema "tenant", versions numbered as their SQLite twins. A session advisory lock keeps two
/// hosts starting together from applying the same script twice. Then grants the application role its rights on the
/// rows (not the tables' ownership, so row-level security binds it).
/// </summary>
public static class PostgresMigrations
{
    /// <summary>An arbitrary constant: the advisory lock every host takes while migrating.</summary>
    private const long MigrationLock = 18_000_018;

    /// <summary>"Quartz" (issue 18): Quartz.NET's clustered job store, shared by every host and tenant like the control
    /// tables; its one script is supplied by the host (<see cref="PostgresScript"/>).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["Control", "Tenant", "Quartz"];

    public static string SchemaOf(string kind) => kind.ToLowerInvariant();

    public static Task ApplyAsync(string ownerConnectionString, string applicationRole, CancellationToken cancellationToken) =>
        ApplyAsync(ownerConnectionString, applicationRole, [], cancellationToken);

    /// <summary>
    /// The embedded scripts and <paramref name="supplied"/> ones, which come from outside the store: Quartz's schema
    /// (issue 18) is the script the Quartz package ships, which only the host references.
    /// </summary>
    public static async Task ApplyAsync(string ownerConnectionString, string applicationRole, IReadOnlyList<PostgresScript> supplied, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@MigrationLock)", new { MigrationLock }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE SCHEMA IF NOT EXISTS control; CREATE SCHEMA IF NOT EXISTS tenant; CREATE SCHEMA IF NOT EXISTS quartz;
                CREATE TABLE IF NOT EXISTS public.schema_migrations (
                    kind TEXT NOT NULL, version BIGINT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (kind, version));
                """, cancellationToken: cancellationToken));
            foreach (var kind in Kinds)
            {
                await ApplyKindAsync(connection, kind, supplied.Where(x => x.Kind == kind), cancellationToken);
            }

            await SecureTenantTablesAsync(connection, cancellationToken);
            await GrantAsync(connection, applicationRole, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@MigrationLock)", new { MigrationLock }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>The embedded scripts of one kind, in version order: (version, name, sql).</summary>
    public static IEnumerable<(long Version, string Name, string Sql)> Scripts(string kind)
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.Postgres.{kind}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (long.Parse(name[..4], CultureInfo.InvariantCulture), name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1);
    }

    private static async Task ApplyKindAsync(NpgsqlConnection connection, string kind, IEnumerable<PostgresScript> supplied, CancellationToken cancellationToken)
    {
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM public.schema_migrations WHERE kind = @kind", new { kind }, cancellationToken: cancellationToken))).ToHashSet();
        var scripts = Scripts(kind).Concat(supplied.Select(x => (x.Version, x.Name, x.Sql))).OrderBy(x => x.Item1);
        foreach (var script in scripts.Where(s => !applied.Contains(s.Item1)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The schema is fixed per kind; the scripts name tables without it, as their SQLite twins do.
            await connection.ExecuteAsync(new CommandDefinition($"SET LOCAL search_path = {SchemaOf(kind)}", transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO public.schema_migrations (kind, version, name, applied_at) VALUES (@kind, @Version, @Name, @At)",
                new { kind, script.Version, script.Name, At = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Row-level security on every table of the tenant schema that lacks it (issue 18), once here rather than a block per
    /// migration: enabled, forced (the owner is bound too) and the policy tenant_rows on the transaction's tenant setting.
    /// A table a new migration adds is covered by this step, and the RLS tests check every table has it.
    /// </summary>
    private static Task SecureTenantTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            DO $$
            DECLARE t TEXT;
            BEGIN
                FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'tenant' AND c.relkind = 'r'
                           AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_rows') LOOP
                    EXECUTE format('ALTER TABLE tenant.%I ENABLE ROW LEVEL SECURITY', t);
                    EXECUTE format('ALTER TABLE tenant.%I FORCE ROW LEVEL SECURITY', t);
                    EXECUTE format($p$CREATE POLICY tenant_rows ON tenant.%I
                        USING (tenant_id = current_setting('backoffice.tenant_id', true))
                        WITH CHECK (tenant_id = current_setting('backoffice.tenant_id', true))$p$, t);
                END LOOP;
            END $$;
            """, cancellationToken: cancellationToken));

    private static Task GrantAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        var quoted = "\"" + role.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        // Rows only: the application role never owns a table, so FORCE ROW LEVEL SECURITY and the policies bind it.
        return connection.ExecuteAsync(new CommandDefinition(
            $"""
            GRANT USAGE ON SCHEMA control, tenant, quartz TO {quoted};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA control, tenant, quartz TO {quoted};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA control, tenant, quartz TO {quoted};
            """, cancellationToken: cancellationToken));
    }
}

/// <summary>A migration script the store does not embed (issue 18): its kind, its version within the kind, name and SQL.</summary>
public sealed record PostgresScript(string Kind, long Version, string Name, string Sql);
