using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 18: SQLite's default page cache (2 MB) is far smaller than the indexes a 2M-line import inserts into, so every
/// insert read its index pages back from the write-ahead log. An import gets a larger cache on its connection for its
/// transaction, and the pooled connection gets its own size back after (the pages above it are freed). PostgreSQL
/// sizes its buffers on the server; there the import's transaction gets a larger <c>work_mem</c> with SET LOCAL (gone
/// at its commit or rollback), so the sort of a staged table by key (<see cref="PostgresRowStage"/>) spills less to disk.
/// </summary>
internal sealed class ImportPageCache : IAsyncDisposable
{
    /// <summary>In KiB, as PRAGMA cache_size takes a negative number.</summary>
    public const int ImportKibibytes = 65_536;

    /// <summary>PostgreSQL's per-sort memory for the import's transaction (the server's default is 4 MB).</summary>
    public const string PostgresWorkMem = "64MB";

    private readonly DbConnection? _connection;
    private readonly DbTransaction? _transaction;
    private readonly long _previous;

    private ImportPageCache(DbConnection? connection, DbTransaction? transaction, long previous)
    {
        _connection = connection;
        _transaction = transaction;
        _previous = previous;
    }

    public static async Task<ImportPageCache> EnlargeAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection)
        {
            if (connection is Npgsql.NpgsqlConnection)
            {
                await PragmaAsync(connection, transaction, $"SET LOCAL work_mem = '{PostgresWorkMem}'", cancellationToken);
            }

            return new ImportPageCache(null, null, 0);
        }

        var previous = Convert.ToInt64(await PragmaAsync(connection, transaction, "PRAGMA cache_size", cancellationToken), CultureInfo.InvariantCulture);
        await PragmaAsync(connection, transaction, $"PRAGMA cache_size = -{ImportKibibytes}", cancellationToken);
        return new ImportPageCache(connection, transaction, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            // After the commit, or before the rollback of a failed import (the transaction is then still open, and a
            // command on its connection must name it): the connection goes back to the pool with its usual cache.
            await PragmaAsync(_connection, _transaction?.Connection is null ? null : _transaction, $"PRAGMA cache_size = {_previous.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
        }
    }

    private static async Task<object?> PragmaAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
