using BackOffice.Store.Tenancy;
using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: on PostgreSQL the import writes by binary COPY into a staging table and one UPDATE and one INSERT per
/// table, and journals the updated rows from one query; on SQLite it writes and journals row by row. The same bundle
/// and the same edits must leave the same rows and the same change journal on both engines.
/// </summary>
public sealed class ImportCopyParityTests
{
    [PostgresFact]
    public async Task ImportAsync_ReImportWithChangedAndAddedRows_SameRowsAndJournalOnBothEngines()
    {
        using var sqlite = await BundleTestKit.CreateAsync(StoreOptions.Sqlite);
        using var postgres = await BundleTestKit.CreateAsync(StoreOptions.Postgres);

        var onSqlite = await ImportEditAndReImportAsync(sqlite);
        var onPostgres = await ImportEditAndReImportAsync(postgres);

        Assert.Equal(onSqlite.Journal, onPostgres.Journal);
        Assert.Equal(onSqlite.Rows, onPostgres.Rows);
        // The budget line moved from job-101: the job it left is journaled with the columns the update changed.
        Assert.Contains("job|job-101|project_budget_lines|job_id,original_cents", onPostgres.Journal);
        Assert.Contains("customer|cust-99|ledger_customers|", onPostgres.Journal);
        Assert.Contains(onPostgres.Rows, r => r.StartsWith("cust-99|New Owner|", StringComparison.Ordinal));
    }

    private static async Task<(List<string> Journal, List<string> Rows)> ImportEditAndReImportAsync(BundleTestKit kit)
    {
        await kit.ImportAsync();
        var before = await kit.ScalarAsync<long>("SELECT MAX(seq) FROM change_journal");
        kit.Edit("project/budget-lines.csv", "bl-101-02,job-101,06-100,12500.00", "bl-101-02,job-102,06-100,12600.00");
        kit.Edit("ledger/customers.csv", "cust-11,Kitchen Remodel,cust-10,", "cust-11,Kitchen Remodel Two,cust-10,");
        kit.Append("ledger/customers.csv", "cust-99,New Owner,,New Owner,false,true");

        var summary = await kit.ImportAsync();

        Assert.Equal((1, 2), (summary.Added, summary.Changed));
        var journal = await kit.QueryAsync<string>(
            "SELECT kind || '|' || entity_key || '|' || COALESCE(source_table, '') || '|' || COALESCE(source_columns, '') " +
            $"FROM change_journal WHERE seq > {before}");
        var rows = (await kit.QueryAsync<string>("SELECT id || '|' || name || '|' || row_hash FROM ledger_customers"))
            .Concat(await kit.QueryAsync<string>("SELECT id || '|' || job_id || '|' || original_cents || '|' || row_hash FROM project_budget_lines"))
            .ToList();
        journal.Sort(StringComparer.Ordinal);
        rows.Sort(StringComparer.Ordinal);
        return (journal, rows);
    }
}
