using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sqlite;

/// <summary>The embedded default (issue 18): one SQLite file per tenant plus control.db, as before.</summary>
public sealed class SqliteEngine(DataDirectory data) : StoreEngine
{
    public override StoreDialect Dialect => StoreDialect.Sqlite;

    internal override async Task<DataUnit> OpenTenantAsync(
        string tenant, string databasePath, bool write, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken)
    {
        var connection = await Databases.OpenTenantAsync(databasePath, cancellationToken);
        return write ? await DataUnit.WriteAsync(connection, retry, auditKey, cancellationToken) : DataUnit.Read(connection, auditKey);
    }

    internal override async Task<DataUnit> OpenControlAsync(bool write, WriteRetryPolicy retry, AuditKey auditKey, CancellationToken cancellationToken)
    {
        var connection = await Databases.OpenControlAsync(data.ControlDatabasePath, cancellationToken);
        return write ? await DataUnit.WriteAsync(connection, retry, auditKey, cancellationToken) : DataUnit.Read(connection, auditKey);
    }
}
