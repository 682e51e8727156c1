namespace BackOffice.Store.Tenancy;

/// <summary>
/// Which engine holds the data (issue 18): <c>sqlite</c> (the embedded default, files under the data directory) or
/// <c>postgres</c> (one database for all tenants). The application connects as a role that does not own the tables,
/// so row-level security applies to it; migrations run as the owner.
/// </summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    public string Provider { get; set; } = Sqlite;

    /// <summary>The application's connection: a role that is not the tables' owner (row-level security applies).</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The owner's connection, used only to apply migrations and grant the application role its rights.</summary>
    public string? PostgresOwnerConnectionString { get; set; }

    /// <summary>
    /// Connections each host keeps to PostgreSQL at most (issue 18; it overrides the connection string's Maximum Pool
    /// Size). Writers of one tenant queue in the host before taking one, so this bounds reads and other tenants' writers.
    /// Keep hosts times this under the server's max_connections (100 by default).
    /// </summary>
    public int PostgresMaxPoolSize { get; set; } = 40;

    /// <summary>Seconds a unit waits for a free pooled connection before the tenant is "busy, try again" (503).</summary>
    public int PostgresPoolWaitSeconds { get; set; } = 30;

    /// <summary>Seconds a writer waits behind the same tenant's writers of this host before "busy, try again" (503).</summary>
    public int PostgresWriteQueueSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds one PostgreSQL statement may run before it is cancelled (issue 18; it overrides the connection string's
    /// Command Timeout, whose 30 s default a 1,000-job import's UPDATE ... FROM its staging table passed on a busy server
    /// and failed the import). 0: no limit. An import or sweep is still stopped by its own cancellation (Ctrl+C, shutdown).
    /// </summary>
    public int PostgresCommandTimeoutSeconds { get; set; } = 1800;

    /// <summary>Throws naming the setting that is wrong; called at start, before any data is touched.</summary>
    public void Validate()
    {
        if (PostgresMaxPoolSize is < 1 or > 1000)
        {
            throw new InvalidOperationException($"{SectionName}:PostgresMaxPoolSize {PostgresMaxPoolSize} is not between 1 and 1000.");
        }

        if (PostgresPoolWaitSeconds is < 1 or > 600 || PostgresWriteQueueSeconds is < 1 or > 600)
        {
            throw new InvalidOperationException(
                $"{SectionName}:PostgresPoolWaitSeconds ({PostgresPoolWaitSeconds}) and PostgresWriteQueueSeconds ({PostgresWriteQueueSeconds}) must be 1 to 600 seconds.");
        }

        if (PostgresCommandTimeoutSeconds is < 0 or > 86400)
        {
            throw new InvalidOperationException(
                $"{SectionName}:PostgresCommandTimeoutSeconds ({PostgresCommandTimeoutSeconds}) must be 0 (no limit) to 86400 seconds.");
        }

        switch (Provider)
        {
            case Sqlite:
                return;
            case Postgres when string.IsNullOrWhiteSpace(PostgresConnectionString):
                throw new InvalidOperationException($"{SectionName}:PostgresConnectionString is required when {SectionName}:Provider is postgres.");
            case Postgres when string.IsNullOrWhiteSpace(PostgresOwnerConnectionString):
                throw new InvalidOperationException($"{SectionName}:PostgresOwnerConnectionString (the tables' owner, for migrations) is required when {SectionName}:Provider is postgres.");
            case Postgres:
                return;
            default:
                throw new InvalidOperationException($"{SectionName}:Provider '{Provider}' is not known: use '{Sqlite}' or '{Postgres}'.");
        }
    }
}
