using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using Npgsql;

namespace BackOffice.Store.Postgres;

/// <summary>
/// One PostgreSQL database for all tenants (issue 18). Every unit is a transaction on a pooled connection of the
/// application role; the tenant is set with set_config(..., true), which lasts exactly that transaction, so a
/// pooled connection that served another tenant carries nothing over. A write unit also takes a transaction-scoped
/// advisory lock on its tenant: writers of one tenant queue as they do on a SQLite file (the gate's read-then-move
/// steps and the audit chain's next sequence number rely on that), while tenants and hosts run in parallel.
/// </summary>
public sealed class PostgresEngine : StoreEngine, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly string _ownerConnectionString;
    private readonly string _role;
    private readonly SemaphoreSlim _migrate = new(1, 1);
    private readonly PostgresWriteQueue _writers;
    private volatile bool _migrated;

    private readonly IReadOnlyList<PostgresScript> _suppliedScripts;

    public PostgresEngine(StoreOptions options)
        : this(options, [])
    {
    }

    /// <param name="suppliedScripts">Migrations from outside the store, applied with its own (issue 18: Quartz's schema).</param>
    public PostgresEngine(StoreOptions options, IReadOnlyList<PostgresScript> suppliedScripts)
    {
        _suppliedScripts = suppliedScripts;
        options.Validate();
        // Issue 18: the pool is sized, its wait and each statement bounded by configuration, not by whatever the connection string says.
        _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.PostgresConnectionString)
        {
            MaxPoolSize = options.PostgresMaxPoolSize, Timeout = options.PostgresPoolWaitSeconds,
            CommandTimeout = options.PostgresCommandTimeoutSeconds,
        }.ConnectionString);
        _writers = new PostgresWriteQueue(TimeSpan.FromSeconds(options.PostgresWriteQueueSeconds));
        _ownerConnectionString = options.PostgresOwnerConnectionString!;
        _role = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString).Username
            ?? throw new InvalidOperationException($"{StoreOptions.SectionName}:PostgresConnectionString names no Username (the application role).");
    }

    public override StoreDialect Dialect => StoreDialect.Postgres;

    // The SQLite busy retry (issue 19) does not apply: a PostgreSQL writer waits on its tenant's advisory lock.
    internal override Task<DataUnit> OpenTenantAsync(
        string tenant, string databasePath, bool write, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken) =>
        OpenAsync("tenant", DataDirectory.ValidTenantName(tenant), write, auditKey, cancellationToken);

    internal override Task<DataUnit> OpenControlAsync(bool write, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken) =>
        OpenAsync("control", "", write, auditKey, cancellationToken);

    /// <summary>
    /// The key file only (issue 19's key is outside the database on either engine): the fingerprint check and keying of
    /// pre-key chains read control.db, which a PostgreSQL installation does not have; its chains are keyed from the start.
    /// </summary>
    internal override Task<AuditKey> AuditKeyAsync(DataDirectory data, CancellationToken cancellationToken) =>
        Task.FromResult(AuditKeys.FromFile(data));

    /// <summary>Applies pending migrations once per process (every host may call it; the runner locks).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await PostgresMigrations.ApplyAsync(_ownerConnectionString, _role, _suppliedScripts, cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrate.Release();
        }
    }

    private async Task<DataUnit> OpenAsync(string schema, string tenant, bool write, AuditKey auditKey, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        var release = write ? await _writers.EnterAsync($"{schema}:{tenant}", cancellationToken) : null;
        NpgsqlConnection? connection = null;
        try
        {
            connection = await OpenPooledAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var scope = new NpgsqlCommand(
                "SELECT set_config('search_path', @schema, true), set_config('backoffice.tenant_id', @tenant, true)" +
                (write ? ", pg_advisory_xact_lock(hashtextextended(@lockKey, 0))" : ""),
                connection, transaction);
            scope.Parameters.AddWithValue("schema", schema);
            scope.Parameters.AddWithValue("tenant", tenant);
            scope.Parameters.AddWithValue("lockKey", $"{schema}:{tenant}");
            await scope.ExecuteNonQueryAsync(cancellationToken);
            return DataUnit.Postgres(connection, transaction, write, auditKey, release);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            release?.Invoke();
            throw;
        }
    }

    /// <summary>A pooled connection; a pool still exhausted after Store:PostgresPoolWaitSeconds is "busy, try again", not a crash.</summary>
    private async Task<NpgsqlConnection> OpenPooledAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _source.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException)
        {
            throw new TenantBusyException(1, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        _migrate.Dispose();
    }

    /// <summary>
    /// Issue 18: the host's container owns the engine; a host disposed synchronously (`using var host`) would otherwise
    /// throw because an async-only singleton cannot be disposed there. Closing the pool twice is harmless.
    /// </summary>
    public void Dispose()
    {
        _source.Dispose();
        _migrate.Dispose();
    }
}
