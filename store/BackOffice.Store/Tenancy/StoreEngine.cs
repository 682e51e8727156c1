namespace BackOffice.Store.Tenancy;

/// <summary>
/// Where units of work come from (issue 18): SQLite files per tenant (the embedded default) or one PostgreSQL
/// database with row-level security. Chosen once by <see cref="StoreOptions"/>; nothing above the store sees which.
/// </summary>
public abstract class StoreEngine
{
    public abstract StoreDialect Dialect { get; }

    /// <summary>A unit on one tenant's data; <paramref name="databasePath"/> is the SQLite file, unused by PostgreSQL.</summary>
    internal abstract Task<DataUnit> OpenTenantAsync(string tenant, string databasePath, bool write, CancellationToken cancellationToken);

    /// <summary>A unit on the control data (tenants, users, the control audit chain).</summary>
    internal abstract Task<DataUnit> OpenControlAsync(bool write, CancellationToken cancellationToken);
}
