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

    /// <summary>Throws naming the setting that is wrong; called at start, before any data is touched.</summary>
    public void Validate()
    {
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
