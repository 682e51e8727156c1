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
        var found = new Dictionary<(string Table, string Id), JsonObject?>();
        await using var unit = await tenant.OpenUnitAsync(ct);
        foreach (var key in keys)
        {
            found[key] = await FindInAsync(unit, key.Table, key.Id, ct);
        }

        return found;
    }

    private static async Task<JsonObject?> FindInAsync(DataUnit unit, string table, string id, CancellationToken ct)
    {
        var connection = unit.Connection;
        // Issue 18: the engine's own catalogue (sqlite_master or information_schema) says which tables exist.
        var catalogue = unit.Dialect == StoreDialect.Postgres
            ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'tenant'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM ({catalogue}) t WHERE name = @table AND (name LIKE 'project\\_%' ESCAPE '\\' OR name LIKE 'ledger\\_%' ESCAPE '\\' OR name LIKE 'map\\_%' ESCAPE '\\')",
            new { table }, cancellationToken: ct));
        var columnsSql = unit.Dialect == StoreDialect.Postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = 'tenant' AND table_name = @table AND column_name <> 'tenant_id'"
            : $"SELECT name FROM pragma_table_info('{table}')";
        var columns = known == 1
            ? (await connection.QueryAsync<string>(new CommandDefinition(columnsSql, new { table }, cancellationToken: ct))).ToList()
            : [];
        if (!columns.Contains("id"))
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync(new CommandDefinition($"SELECT * FROM \"{table}\" WHERE id = @id", new { id }, cancellationToken: ct));
        if (row is not IDictionary<string, object?> values)
        {
            return null;
        }

        var json = new JsonObject { ["table"] = table };
        // PostgreSQL rows carry tenant_id (issue 18); the drill-down shows the record as the source system had it.
        foreach (var (key, value) in values.Where(v => v.Key != "tenant_id"))
        {
            json[key] = value is null ? null : JsonValue.Create(value.ToString());
        }

        return json;
    }
}
