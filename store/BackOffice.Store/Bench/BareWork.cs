using System.Data;
using System.Data.Common;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using Npgsql;

namespace BackOffice.Store.Bench;

/// <summary>
/// The floors the issue 18 benchmark divides by: every row of a tenant read with nothing done to it, the bundle's rows
/// inserted as text with nothing checked, and the bundle's files read and split with nothing stored. Measurement only;
/// nothing here is used by the product. Each floor runs on the engine the measured commands run on.
/// </summary>
public static class BareWork
{
    /// <summary>
    /// Reads every value of every table of the tenant; returns the number of rows. On PostgreSQL the tables are those of
    /// schema tenant, and row-level security keeps the read to this tenant's rows, as it does for the agents.
    /// </summary>
    public static async Task<long> ReadTenantAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = unit.Connection;
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = unit.Dialect == StoreDialect.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tenant' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        long rows = 0;
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(values);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Inserts every row of every CSV file of the bundle into a table of text columns of a new SQLite database, in one transaction.</summary>
    public static async Task<long> InsertBundleAsync(string bundle, string database, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnections.OpenAsync(database, cancellationToken);
        return await InsertBundleAsync(connection, bundle, cancellationToken);
    }

    /// <summary>
    /// The same bare insert into PostgreSQL (issue 18, `bench --provider postgres`): a fresh schema <c>bare</c> of the
    /// database the owner's connection names (the application role may not create tables), one binary COPY per table
    /// (issue 18: as the import writes there), one transaction, committed.
    /// </summary>
    public static async Task<long> InsertBundlePostgresAsync(string bundle, string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "DROP SCHEMA IF EXISTS bare CASCADE; CREATE SCHEMA bare; SET search_path = bare", cancellationToken);
        return await InsertBundleAsync(connection, bundle, cancellationToken);
    }

    /// <summary>Reads and splits every row of every CSV file of the bundle; returns the number of rows.</summary>
    public static async Task<long> ReadBundleAsync(string bundle, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var file in BundleFiles(bundle))
        {
            using var text = new StreamReader(file);
            while (await text.ReadLineAsync(cancellationToken) is { } line)
            {
                rows += BareCsv.Fields(line).Count > 0 ? 1 : 0;
            }
        }

        return rows;
    }

    // One body for both engines: both take @name parameters; Prepare makes Npgsql send the statement once per table.
    private static async Task<long> InsertBundleAsync(DbConnection connection, string bundle, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long rows = 0;
        foreach (var file in BundleFiles(bundle))
        {
            using var text = new StreamReader(file);
            var header = BareCsv.Fields(await text.ReadLineAsync(cancellationToken) ?? "");
            var table = "t_" + Path.GetRelativePath(bundle, file).Replace('/', '_').Replace('-', '_').Replace('.', '_');
            await ExecuteAsync(connection, transaction, $"CREATE TABLE \"{table}\" ({string.Join(", ", header.Select(h => $"\"{h}\" TEXT"))})", cancellationToken);
            if (connection is NpgsqlConnection npgsql)
            {
                rows += await CopyAsync(npgsql, table, header.Count, text, cancellationToken);
                continue;
            }

            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" VALUES ({string.Join(", ", header.Select((_, i) => "@p" + i))})";
            var parameters = header.Select((_, i) => TextParameter(insert, "p" + i)).ToList();
            await insert.PrepareAsync(cancellationToken);
            while (await text.ReadLineAsync(cancellationToken) is { } line)
            {
                var fields = BareCsv.Fields(line);
                for (var i = 0; i < parameters.Count; i++)
                {
                    parameters[i].Value = i < fields.Count ? fields[i] : DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
                rows++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// Issue 18: PostgreSQL's fastest write, a binary COPY, is its floor now that the import writes by COPY (one
    /// prepared INSERT per row made the floor, and an import measured against it, 8-9 times SQLite's).
    /// </summary>
    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, int columns, StreamReader text, CancellationToken cancellationToken)
    {
        long rows = 0;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" FROM STDIN (FORMAT BINARY)", cancellationToken);
        while (await text.ReadLineAsync(cancellationToken) is { } line)
        {
            var fields = BareCsv.Fields(line);
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns; i++)
            {
                await (i < fields.Count
                    ? copy.WriteAsync(fields[i], NpgsqlTypes.NpgsqlDbType.Text, cancellationToken)
                    : copy.WriteNullAsync(cancellationToken));
            }

            rows++;
        }

        await copy.CompleteAsync(cancellationToken);
        return rows;
    }

    private static DbParameter TextParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.String;
        parameter.Value = "";
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static IEnumerable<string> BundleFiles(string bundle) =>
        Directory.EnumerateFiles(bundle, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
