using System.Data.Common;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// One unit of work on one database: a connection and, for writes, its transaction. Callers above the store
/// (the gate, the sweep runner) hand it to store methods so that a state change and its audit event commit
/// together, without knowing which database engine is underneath (issue 12). Issue 18: the connection is a
/// <see cref="DbConnection"/> of either engine, and <see cref="Dialect"/> tells a store which SQL to send where the
/// engines disagree.
/// </summary>
public sealed class DataUnit : IAsyncDisposable
{
    private readonly bool _owned;
    private readonly DbTransaction? _scope;
    private Action? _release;

    private DataUnit(
        DbConnection connection, DbTransaction? transaction, bool owned, StoreDialect dialect, AuditKey? auditKey, DbTransaction? scope = null)
    {
        AuditKey = auditKey;
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        _owned = owned;
        _scope = scope;
    }

    internal DbConnection Connection { get; }

    /// <summary>The write transaction; null in a read unit (even on PostgreSQL, where a read runs in a scope of its own).</summary>
    internal DbTransaction? Transaction { get; }

    public StoreDialect Dialect { get; }

    /// <summary>The key audit events appended through this unit are hashed with (issue 19); it lives outside either engine.</summary>
    internal AuditKey? AuditKey { get; }

    /// <summary>
    /// An upsert's conflict target (issue 18): on PostgreSQL every tenant table's keys begin with tenant_id, which a
    /// SQLite file per tenant does not need; the rest of the statement is the same on both.
    /// </summary>
    internal string ConflictOn(string columns) => Dialect == StoreDialect.Postgres ? $"tenant_id, {columns}" : columns;

    /// <summary>
    /// "column is one of the list" (issue 18): Dapper expands a list into (@p1, @p2...) for SQLite but passes it to Npgsql
    /// as one array parameter, which PostgreSQL compares with = ANY.
    /// </summary>
    internal string InList(string column, string parameter) =>
        Dialect == StoreDialect.Postgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    /// <summary>
    /// Appended to a claim's inner SELECT (issue 18): on PostgreSQL, rows another host is claiming are skipped rather
    /// than waited for; a SQLite file has one writer at a time, so there is nothing to skip.
    /// </summary>
    internal string SkipLocked => Dialect == StoreDialect.Postgres ? " FOR UPDATE SKIP LOCKED" : "";

    internal static DataUnit Read(SqliteConnection connection, AuditKey? auditKey) =>
        new(connection, null, owned: true, StoreDialect.Sqlite, auditKey);

    /// <summary>A view of a connection and transaction that store code already owns; disposing it disposes nothing.</summary>
    internal static DataUnit Over(DbConnection connection, DbTransaction? transaction) =>
        new(connection, transaction, owned: false, StoreDialect.Sqlite, auditKey: null);

    /// <summary>
    /// Microsoft.Data.Sqlite begins IMMEDIATE: racing writers queue on the lock instead of both reading the old state.
    /// A lock that stays taken is retried with backoff, then "busy" (issue 19); the connection is closed either way.
    /// This is the SQLite engine's only write begin (issue 18); PostgreSQL begins in <see cref="Postgres"/>.
    /// </summary>
    internal static async Task<DataUnit> WriteAsync(
        SqliteConnection connection, WriteRetryPolicy retry, AuditKey? auditKey, CancellationToken cancellationToken)
    {
        try
        {
            return new(connection, await retry.BeginAsync(connection, cancellationToken), owned: true, StoreDialect.Sqlite, auditKey);
        }
        catch (Exception)
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Issue 18: a PostgreSQL unit always runs in a transaction, because the tenant is set with set_config(..., true)
    /// and so lasts exactly one transaction. A read unit's scope commits on dispose, as a SQLite read without a
    /// transaction would have autocommitted. Writers queue on the tenant's advisory lock, not on a retried BEGIN.
    /// </summary>
    /// <param name="release">Runs once the unit has given its connection back: the host's write queue of the tenant (issue 18).</param>
    internal static DataUnit Postgres(DbConnection connection, DbTransaction transaction, bool write, AuditKey auditKey, Action? release = null) =>
        write
            ? new(connection, transaction, owned: true, StoreDialect.Postgres, auditKey) { _release = release }
            : new(connection, null, owned: true, StoreDialect.Postgres, auditKey, scope: transaction) { _release = release };

    /// <summary>Commits a write unit; a unit disposed without commit rolls back.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) =>
        Transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (!_owned)
        {
            return;
        }

        try
        {
            if (_scope is not null)
            {
                await CommitScopeAsync(_scope);
            }

            if (Transaction is not null)
            {
                await Transaction.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
        finally
        {
            Interlocked.Exchange(ref _release, null)?.Invoke();
        }
    }

    private static async Task CommitScopeAsync(DbTransaction scope)
    {
        // A read scope whose connection broke has nothing to keep; the broken connection is discarded by dispose.
        if (scope.Connection is { State: System.Data.ConnectionState.Open })
        {
            await scope.CommitAsync(CancellationToken.None);
        }

        await scope.DisposeAsync();
    }
}
