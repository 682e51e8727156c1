using System.Text.Json.Nodes;
using Dapper;

using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Records;

/// <summary>
/// The record a figure's <c>SourceRef</c> points at, read from the tenant database for the drill-down (issue 9). The
/// table name is checked against the database's own list of tables before it is put in SQL; the id is a parameter.
/// </summary>
public static class SourceRecords
{
    public static async Task<JsonObject?> FindAsync(TenantData tenant, string table, string id, CancellationToken ct)
    {
        await using var unit = await tenant.OpenUnitAsync(ct);
        return await FindInAsync(unit, table, id, ct);
    }

    /// <summary>
    /// Issue 17: several records in one unit (a console page's record references), instead of a unit a record. A key
    /// with no record maps to null.
    /// </summary>
    public static async Task<IReadOnlyDictionary<(string Table, string Id), JsonObject?>> FindManyAsync(
        TenantData tenant, IReadOnlyCollection<(string Table, string Id)> keys, CancellationToken ct)
    {
        var found = keys.Distinct().ToDictionary(k => k, _ => (JsonObject?)null);
        await using var unit = await tenant.OpenUnitAsync(ct);
        // The catalogue once a table and the records a batch of ids at a time (issue 17: a report page of a few hundred
        // documents is a few queries, not three a record).
        foreach (var byTable in found.Keys.GroupBy(k => k.Table, StringComparer.Ordinal).ToList())
        {
            if (!await KnownAsync(unit, byTable.Key, ct))
            {
                continue;
            }

            foreach (var batch in byTable.Select(k => k.Id).Chunk(500))
            {
                var rows = await unit.Connection.QueryAsync(new CommandDefinition($"SELECT * FROM \"{byTable.Key}\" WHERE {StoreSql.InJson(unit.Connection, "id", "@ids")}",
                    new { ids = System.Text.Json.JsonSerializer.Serialize(batch) }, unit.Transaction, cancellationToken: ct));
                foreach (var row in rows.OfType<IDictionary<string, object?>>())
                {
                    found[(byTable.Key, Convert.ToString(row["id"], System.Globalization.CultureInfo.InvariantCulture) ?? "")] = Json(byTable.Key, row);
                }
            }
        }

        return found;
    }

    private static async Task<JsonObject?> FindInAsync(DataUnit unit, string table, string id, CancellationToken ct)
    {
        if (!await KnownAsync(unit, table, ct))
        {
            return null;
        }

        var row = await unit.Connection.QuerySingleOrDefaultAsync(new CommandDefinition($"SELECT * FROM \"{table}\" WHERE id = @id", new { id }, cancellationToken: ct));
        return row is IDictionary<string, object?> values ? Json(table, values) : null;
    }

    /// <summary>
    /// Whether <paramref name="table"/> is a source table (project_, ledger_ or map_; issue 17: also workforce_, pricebook_
    /// and estimate_, whose records the Workforce and Pricebook figures name as sources and whose links were a 404) with
    /// an id column. Never the gate's, the audit's or a connection's tables (quickbooks_connections holds tokens).
    /// </summary>
    private static async Task<bool> KnownAsync(DataUnit unit, string table, CancellationToken ct)
    {
        var connection = unit.Connection;
        // Issue 18: the engine's own catalogue (sqlite_master or information_schema) says which tables exist.
        var catalogue = unit.Dialect == StoreDialect.Postgres
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'tenant'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM ({catalogue}) t WHERE name = @table AND (name LIKE 'project\\_%' ESCAPE '\\' OR name LIKE 'ledger\\_%' ESCAPE '\\' OR name LIKE 'map\\_%' ESCAPE '\\'"
            + " OR name LIKE 'workforce\\_%' ESCAPE '\\' OR name LIKE 'pricebook\\_%' ESCAPE '\\' OR name LIKE 'estimate\\_%' ESCAPE '\\')",
            new { table }, cancellationToken: ct));
        var columnsSql = unit.Dialect == StoreDialect.Postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = 'tenant' AND table_name = @table AND column_name <> 'tenant_id'"
            : $"SELECT name FROM pragma_table_info('{table}')";
        var columns = known == 1
            ? (await connection.QueryAsync<string>(new CommandDefinition(columnsSql, new { table }, cancellationToken: ct))).ToList()
            : [];
        return columns.Contains("id");
    }

    private static JsonObject Json(string table, IDictionary<string, object?> values)
    {
        var json = new JsonObject { ["table"] = table };
        // PostgreSQL rows carry tenant_id (issue 18); the drill-down shows the record as the source system had it.
        foreach (var (key, value) in values.Where(v => v.Key != "tenant_id"))
        {
            json[key] = value is null ? null : JsonValue.Create(value.ToString());
        }

        return json;
    }
}
