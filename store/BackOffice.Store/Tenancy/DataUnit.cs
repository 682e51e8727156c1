using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
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

    private DataUnit(SqliteConnection connection, SqliteTransaction? transaction, bool owned, AuditKey? auditKey = null)
    {
        AuditKey = auditKey;
        Connection = connection;
        Transaction = transaction;
        _owned = owned;
    }

    internal SqliteConnection Connection { get; }

    internal SqliteTransaction? Transaction { get; }

    /// <summary>The key audit events appended through this unit are hashed with (issue 19).</summary>
    internal AuditKey? AuditKey { get; }

    internal static DataUnit Read(SqliteConnection connection, AuditKey auditKey) => new(connection, null, owned: true, auditKey);

    /// <summary>A view of a connection and transaction that store code already owns; disposing it disposes nothing.</summary>
    internal static DataUnit Over(SqliteConnection connection, SqliteTransaction? transaction) => new(connection, transaction, owned: false);

    /// <summary>
    /// Microsoft.Data.Sqlite begins IMMEDIATE: racing writers queue on the lock instead of both reading the old state.
    /// A lock that stays taken is retried with backoff, then "busy" (issue 19); the connection is closed either way.
    /// </summary>
    internal static async Task<DataUnit> WriteAsync(
        SqliteConnection connection, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken)
    {
        try
        {
            return new(connection, await retry.BeginAsync(connection, cancellationToken), owned: true, auditKey);
        }
        catch (Exception)
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
