using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// One unit of work on one database: a connection and, for writes, its transaction. Callers above the store
/// (the gate, the sweep runner) hand it to store methods so that a state change and its audit event commit
/// together, without knowing which database engine is underneath (issue 12).
/// </summary>
public sealed class DataUnit : IAsyncDisposable
{
    private readonly bool _owned;

    private DataUnit(SqliteConnection connection, SqliteTransaction? transaction, bool owned)
    {
        Connection = connection;
        Transaction = transaction;
        _owned = owned;
    }

    internal SqliteConnection Connection { get; }

    internal SqliteTransaction? Transaction { get; }

    internal static DataUnit Read(SqliteConnection connection) => new(connection, null, owned: true);

    /// <summary>A view of a connection and transaction that store code already owns; disposing it disposes nothing.</summary>
    internal static DataUnit Over(SqliteConnection connection, SqliteTransaction? transaction) => new(connection, transaction, owned: false);

    /// <summary>Microsoft.Data.Sqlite begins IMMEDIATE: racing writers queue on the lock instead of both reading the old state.</summary>
    internal static DataUnit Write(SqliteConnection connection) => new(connection, connection.BeginTransaction(), owned: true);

    /// <summary>Commits a write unit; a unit disposed without commit rolls back.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) =>
        Transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (!_owned)
        {
            return;
        }

        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }
}
