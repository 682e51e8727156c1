using System.Data.Common;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Connectors;

/// <summary>
/// One page of a connector sync in one transaction (issues 13 and 14). The source system owns its references: a
/// sub-customer may arrive a page before its parent, a commitment may name a vendor of a later page. On SQLite foreign
/// keys are checked off for the batch (SQLite only changes the pragma outside a transaction) and back on before the
/// connection returns to the pool; on PostgreSQL they are deferred to commit by the schema (issue 18).
/// </summary>
public static class SyncBatch
{
    public static async Task<T> RunAsync<T>(
        TenantData tenant, Func<DbConnection, DbTransaction, Task<T>> apply, CancellationToken cancellationToken)
    {
        if (tenant.Dialect == StoreDialect.Postgres)
        {
            await using var unit = await tenant.OpenUnitAsync(write: true, cancellationToken);
            var applied = await apply(unit.Connection, unit.Transaction!);
            await unit.CommitAsync(cancellationToken);
            return applied;
        }

        await using var read = await tenant.OpenUnitAsync(cancellationToken);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)read.Connection;
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF", cancellationToken: cancellationToken));
        try
        {
            // Issue 19: a held write lock is waited out with backoff, then reported as busy, not thrown raw.
            await using var transaction = await tenant.WriteRetry.BeginAsync(connection, cancellationToken);
            var result = await apply(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = ON", cancellationToken: CancellationToken.None));
        }
    }
}
