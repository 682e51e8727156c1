using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>Opens the control or a tenant database, applying pending migrations once per process and file.</summary>
internal static class Databases
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Migrated = new();
    private static readonly ConcurrentDictionary<string, bool> Done = new();

    public static Task<SqliteConnection> OpenControlAsync(string path, CancellationToken cancellationToken) =>
        OpenMigratedAsync(path, "Control", cancellationToken);

    public static Task<SqliteConnection> OpenTenantAsync(string path, CancellationToken cancellationToken) =>
        OpenMigratedAsync(path, "Tenant", cancellationToken);

    private static async Task<SqliteConnection> OpenMigratedAsync(string path, string kind, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = await SqliteConnections.OpenAsync(path, cancellationToken);
        var key = Path.GetFullPath(path);
        if (Done.ContainsKey(key) && File.Exists(key))
        {
            return connection;
        }

        var gate = Migrated.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await MigrationRunner.ApplyAsync(connection, kind, cancellationToken);
            Done[key] = true;
        }
        finally
        {
            gate.Release();
        }

        return connection;
    }
}
