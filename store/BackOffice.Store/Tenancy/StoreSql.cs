using System.Data.Common;
using Npgsql;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Where the two engines' SQL differs (issue 18), for store code that holds a connection rather than a
/// <see cref="DataUnit"/>: the engine is told by the connection's type. One statement wherever both accept it.
/// </summary>
internal static class StoreSql
{
    public static bool IsPostgres(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>An upsert's conflict target: every PostgreSQL tenant key begins with tenant_id (a SQLite file has one tenant).</summary>
    public static string ConflictOn(DbConnection connection, string columns) =>
        ConflictOn(IsPostgres(connection) ? StoreDialect.Postgres : StoreDialect.Sqlite, columns);

    public static string ConflictOn(StoreDialect dialect, string columns) =>
        dialect == StoreDialect.Postgres ? $"tenant_id, {columns}" : columns;

    /// <summary>"column is one of the JSON array parameter": json_each on SQLite, jsonb_array_elements_text on PostgreSQL.</summary>
    public static string InJson(DbConnection connection, string column, string parameter) =>
        InJson(IsPostgres(connection) ? StoreDialect.Postgres : StoreDialect.Sqlite, column, parameter);

    public static string InJson(StoreDialect dialect, string column, string parameter) =>
        dialect == StoreDialect.Postgres
            ? $"{column} IN (SELECT jsonb_array_elements_text(CAST({parameter} AS jsonb)))"
            : $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>The larger of two values: SQLite's two-argument MAX, PostgreSQL's GREATEST.</summary>
    public static string Greatest(DbConnection connection, string a, string b) =>
        IsPostgres(connection) ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";
}
