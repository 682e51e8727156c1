using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// Applies the embedded SQL scripts of one database kind ("Control" or "Tenant") in version order.
/// Scripts are named <c>NNNN_description.sql</c>; each runs in its own transaction with its version row.
/// Ranges: 0001-0099 core, 0100-0199 bundle data, 0200-0299 gate and audit, 0300+ agents.
/// </summary>
public static class MigrationRunner
{
    public static async Task ApplyAsync(SqliteConnection connection, string kind, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();

        foreach (var script in Scripts(kind).Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = await WriteRetryPolicy.Default.BeginAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { script.Version, script.Name, At = DateTimeOffset.UtcNow.ToString("O") },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static IEnumerable<(long Version, string Name, string Sql)> Scripts(string kind)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{kind}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                var version = long.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture);
                return (version, name, Read(assembly, n));
            })
            .OrderBy(s => s.version);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
