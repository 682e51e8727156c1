using System.Text.RegularExpressions;
using BackOffice.Store.Postgres;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Dapper;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the PostgreSQL migrations are twins of the SQLite ones (same numbers, same tables, same columns plus
/// tenant_id), and what is not yet ported is exactly what <see cref="PostgresPorting"/> names when it refuses to start.
/// </summary>
public sealed partial class PostgresMigrationParityTests
{
    [Theory]
    [InlineData("Control")]
    [InlineData("Tenant")]
    public void Scripts_EachPostgresScript_HasASqliteTwinDeclaringTheSameTables(string kind)
    {
        var sqlite = SqliteScripts(kind);
        foreach (var (version, name, sql) in PostgresMigrations.Scripts(kind))
        {
            Assert.True(sqlite.TryGetValue(version, out var twin), $"PostgreSQL {kind}/{name} has no SQLite script numbered {version}");
            Assert.Equal(Declared(twin!), Declared(sql));
        }
    }

    [Fact]
    public void NotPortedTables_AreTheSqliteTenantTablesWithoutAPostgresTwin()
    {
        var sqlite = SqliteScripts("Tenant").Values.SelectMany(Tables);
        var postgres = PostgresMigrations.Scripts("Tenant").SelectMany(s => Tables(s.Sql));

        Assert.Equal(sqlite.Except(postgres).Order(StringComparer.Ordinal), PostgresPorting.NotPortedTables.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task Columns_EachPortedTable_MatchesSqlitePlusTenantId()
    {
        using var directory = new TempDataDirectory();
        await using var db = await PostgresDatabase.CreateAsync();
        await db.Engine().MigrateAsync(CancellationToken.None);
        await using var owner = await db.OpenAsync(owner: true);
        var postgres = (await owner.QueryAsync<(string Schema, string Table, string Column)>(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE table_schema IN ('control', 'tenant')"))
            .GroupBy(c => (c.Schema, c.Table)).ToDictionary(g => g.Key, g => g.Select(c => c.Column).Where(c => c != "tenant_id" || g.Key.Schema == "control").Order(StringComparer.Ordinal).ToList());

        await using var tenant = await directory.Tenant("acme").ReadAsync(CancellationToken.None);
        await using var control = await directory.Source().ReadControlAsync(CancellationToken.None);
        foreach (var ((schema, table), columns) in postgres)
        {
            var unit = schema == "tenant" ? tenant : control;
            var sqlite = (await unit.Connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')")).Order(StringComparer.Ordinal);
            Assert.Equal(sqlite, columns);
        }
    }

    private static Dictionary<long, string> SqliteScripts(string kind)
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{kind}.";
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(n => long.Parse(n[prefix.Length..][..4], System.Globalization.CultureInfo.InvariantCulture), n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            });
    }

    /// <summary>
    /// The tables a script creates. A table SQLite rebuilds in place (created under another name and renamed over the old
    /// one, to change a CHECK it cannot alter: issue 18, 2007) is not a new table; its PostgreSQL twin alters the old one.
    /// </summary>
    private static IEnumerable<string> Tables(string sql)
    {
        var renamed = RenamedTable().Matches(sql).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return TableDeclaration().Matches(sql).Select(m => m.Groups[1].Value).Where(t => !renamed.Contains(t));
    }

    /// <summary>Tables created and columns added by a script, as "table" and "table.column".</summary>
    private static List<string> Declared(string sql) =>
        Tables(sql).Concat(AddedColumn().Matches(sql).Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}")).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)")]
    private static partial Regex TableDeclaration();

    [GeneratedRegex(@"ALTER TABLE ([a-z_]+) RENAME TO ([a-z_]+)")]
    private static partial Regex RenamedTable();

    [GeneratedRegex(@"ALTER TABLE ([a-z_]+) ADD COLUMN ([a-z_]+)")]
    private static partial Regex AddedColumn();
}
