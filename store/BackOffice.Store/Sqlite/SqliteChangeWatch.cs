using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Sqlite;

/// <summary>
/// Tells whether anything was committed to a tenant's SQLite file since it was last asked (issue 17: report caching).
/// One dedicated connection that never writes asks `PRAGMA data_version`, which SQLite changes whenever another
/// connection (of this process or another, pooled or not) commits a change to the file. This covers every table,
/// journaled or not (gate-side tables, findings, promises, outbox), so a cache keyed by it cannot miss a write.
/// </summary>
internal sealed class SqliteChangeWatch : IDisposable
{
    // data_version is only comparable on one connection: the generation keeps two watches' stamps apart.
    private static long _generations;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteConnection _connection;
    private readonly long _generation = Interlocked.Increment(ref _generations);

    private SqliteChangeWatch(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteChangeWatch> OpenAsync(string path, CancellationToken cancellationToken)
    {
        // The pooled open applies the migrations first; the watch itself is not pooled, so nobody else uses it.
        await using (await Databases.OpenTenantAsync(path, cancellationToken))
        {
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return new SqliteChangeWatch(connection);
    }

    /// <summary>A stamp that differs from the one returned before whenever a change was committed in between.</summary>
    public async Task<string> StampAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            var version = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_generation}:{version}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }
}
