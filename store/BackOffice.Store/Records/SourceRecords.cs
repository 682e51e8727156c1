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
        await using var connection = await tenant.OpenAsync(ct);
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table AND (name LIKE 'project\\_%' ESCAPE '\\' OR name LIKE 'ledger\\_%' ESCAPE '\\' OR name LIKE 'map\\_%' ESCAPE '\\')",
            new { table }, cancellationToken: ct));
        var columns = known == 1
            ? (await connection.QueryAsync<string>(new CommandDefinition($"SELECT name FROM pragma_table_info('{table}')", cancellationToken: ct))).ToList()
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
        foreach (var (key, value) in values)
        {
            json[key] = value is null ? null : JsonValue.Create(value.ToString());
        }

        return json;
    }
}
