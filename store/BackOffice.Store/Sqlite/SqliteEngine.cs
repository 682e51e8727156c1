using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Sqlite;

/// <summary>The embedded default (issue 18): one SQLite file per tenant plus control.db, as before.</summary>
public sealed class SqliteEngine(DataDirectory data) : StoreEngine
{
    public override StoreDialect Dialect => StoreDialect.Sqlite;

    internal override async Task<DataUnit> OpenTenantAsync(string tenant, string databasePath, bool write, CancellationToken cancellationToken)
    {
        var connection = await Databases.OpenTenantAsync(databasePath, cancellationToken);
        return write ? DataUnit.Write(connection) : DataUnit.Read(connection);
    }

    internal override async Task<DataUnit> OpenControlAsync(bool write, CancellationToken cancellationToken)
    {
        var connection = await Databases.OpenControlAsync(data.ControlDatabasePath, cancellationToken);
        return write ? DataUnit.Write(connection) : DataUnit.Read(connection);
    }
}
