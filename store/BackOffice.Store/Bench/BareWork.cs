using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Bench;

/// <summary>
/// The floors the issue 18 benchmark divides by: every row of a tenant read with nothing done to it, the bundle's rows
/// inserted as text with nothing checked, and the bundle's files read and split with nothing stored. Measurement only;
/// nothing here is used by the product.
/// </summary>
public static class BareWork
{
    /// <summary>Reads every value of every table of the tenant database; returns the number of rows.</summary>
    public static async Task<long> ReadTenantAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = unit.Connection;
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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

    /// <summary>Inserts every row of every CSV file of the bundle into a table of text columns of a new database, in one transaction.</summary>
    public static async Task<long> InsertBundleAsync(string bundle, string database, CancellationToken cancellationToken)
    {
        await using var connection = await SqliteConnections.OpenAsync(database, cancellationToken);
        await using var transaction = connection.BeginTransaction();
        long rows = 0;
        foreach (var file in BundleFiles(bundle))
        {
            using var text = new StreamReader(file);
            var header = BareCsv.Fields(await text.ReadLineAsync(cancellationToken) ?? "");
            var table = "t_" + Path.GetRelativePath(bundle, file).Replace('/', '_').Replace('-', '_').Replace('.', '_');
            await ExecuteAsync(connection, $"CREATE TABLE \"{table}\" ({string.Join(", ", header.Select(h => $"\"{h}\" TEXT"))})", cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table}\" VALUES ({string.Join(", ", header.Select((_, i) => "$p" + i))})";
            var parameters = header.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToList();
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

    private static IEnumerable<string> BundleFiles(string bundle) =>
        Directory.EnumerateFiles(bundle, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
