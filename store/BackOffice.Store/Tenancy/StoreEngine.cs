using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Where units of work come from (issue 18): SQLite files per tenant (the embedded default) or one PostgreSQL
/// database with row-level security. Chosen once by <see cref="StoreOptions"/>; nothing above the store sees which.
/// </summary>
public abstract class StoreEngine
{
    public abstract StoreDialect Dialect { get; }

    /// <summary>
    /// A unit on one tenant's data; <paramref name="databasePath"/> is the SQLite file, unused by PostgreSQL.
    /// <paramref name="retry"/> is how a SQLite writer waits for the file's lock (issue 19); PostgreSQL writers queue on
    /// the tenant's advisory lock instead. <paramref name="auditKey"/> keys the audit events appended through the unit.
    /// </summary>
    internal abstract Task<DataUnit> OpenTenantAsync(
        string tenant, string databasePath, bool write, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken);

    /// <summary>A unit on the control data (tenants, users, the control audit chain).</summary>
    internal abstract Task<DataUnit> OpenControlAsync(bool write, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken);

    /// <summary>
    /// The installation's audit key (issue 19), found before a database is opened so a missing key opens nothing. On
    /// SQLite the control database also records which key keyed the chains (and existing chains are keyed once).
    /// </summary>
    internal virtual Task<AuditKey> AuditKeyAsync(DataDirectory data, CancellationToken cancellationToken) =>
        AuditKeys.ForAsync(data, cancellationToken);
}
