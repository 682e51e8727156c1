using BackOffice.Store.Bundle;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Dapper;

namespace BackOffice.Tests.Bundle;

/// <summary>A temp data directory plus a private, editable copy of the demo bundle for each test.</summary>
public sealed class BundleTestKit : IDisposable
{
    public const string Tenant = "demo";
    private readonly TempDataDirectory _temp = new();

    public BundleTestKit()
    {
        Bundle = Path.Combine(_temp.Root, "bundle");
        CopyDirectory(RepoPaths.DemoBundle, Bundle);
    }

    public string Bundle { get; }

    /// <summary>Issue 18: the engine under test when the kit was made with <see cref="CreateAsync"/>; SQLite in the temp directory when null.</summary>
    public StoreUnderTest? Store { get; private set; }

    /// <summary>A kit whose tenant lives on <paramref name="provider"/> (issue 18: the import's tests on both engines).</summary>
    public static async Task<BundleTestKit> CreateAsync(string provider)
    {
        var kit = new BundleTestKit();
        kit.Store = await StoreUnderTest.CreateAsync(provider, kit.Clock);
        return kit;
    }

    /// <summary>The kit's tenant on its engine (issue 18: the import's tests on both engines reach it through this).</summary>
    public TenantData Data => Store is null ? _temp.Tenant(Tenant, Clock) : Store.Source.For(Tenant);

    public TempDataDirectory Temp => _temp;

    public ManualClock Clock { get; } = new();

    public Task<ImportSummary> ImportAsync(string? bundle = null) =>
        new BundleImporter(Clock).ImportAsync(bundle ?? Bundle, Store is null ? _temp.Tenant(Tenant) : Data, "controller@demo", null, CancellationToken.None);

    public async Task<BundleValidationException> ImportFailsAsync() =>
        await Assert.ThrowsAsync<BundleValidationException>(() => ImportAsync());

    /// <summary>Replaces text in one bundle file, failing the test if the text is not there (so edits cannot silently miss).</summary>
    public void Edit(string file, string oldText, string newText)
    {
        var path = Path.Combine(Bundle, file);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 16: cuts employees.csv and payroll-lines.csv back to their issue-7 columns, dropping the demo's pay-basis and
    /// piece columns, so a test can add the optional columns it is about (no duplicate headers, no demo piece-rate rows).
    /// </summary>
    public void WorkforceBaseColumns()
    {
        foreach (var (file, keep) in new[] { ("workforce/employees.csv", 6), ("workforce/payroll-lines.csv", 9) })
        {
            var path = Path.Combine(Bundle, file);
            File.WriteAllLines(path, File.ReadAllLines(path).Select(l => string.Join(',', l.Split(',').Take(keep))));
        }
    }

    public void RemoveLineStartingWith(string file, string prefix)
    {
        var path = Path.Combine(Bundle, file);
        var lines = File.ReadAllLines(path);
        Assert.Single(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        File.WriteAllLines(path, lines.Where(l => !l.StartsWith(prefix, StringComparison.Ordinal)));
    }

    public void Append(string file, string line) => File.AppendAllText(Path.Combine(Bundle, file), line + "\n");

    public Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        // A read unit on either engine (issue 18): on PostgreSQL it sets the tenant for row-level security.
        await using var unit = await Data.OpenUnitAsync(write: false, CancellationToken.None);
        return await unit.Connection.ExecuteScalarAsync<T>(sql, transaction: unit.Transaction);
    }

    /// <summary>Rows of one column, on either engine (issue 18); the caller sorts, so no ORDER BY depends on an engine's collation.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var unit = await Data.OpenUnitAsync(write: false, CancellationToken.None);
        return [.. await unit.Connection.QueryAsync<T>(sql, transaction: unit.Transaction)];
    }

    /// <summary>Total rows over every bundle table plus the audit chain, import runs and recorded files.</summary>
    public async Task<long> EverythingAsync()
    {
        long total = 0;
        foreach (var table in BundleSchema.Files.Select(f => f.Table).Append("audit_events").Append("import_runs").Append("bundle_files"))
        {
            total += await CountAsync(table);
        }

        return total;
    }

    /// <remarks>Issue 18: the files folders of the kit's tenant, on whichever engine's data directory it lives.</remarks>
    public int CopiedFiles() =>
        new[] { "inbox", "price-files" }
            .Select(Data.FilesFolder)
            .Where(Directory.Exists)
            .Sum(folder => Directory.GetFiles(folder).Length);

    public void Dispose()
    {
        // Issue 18: a PostgreSQL kit drops its throwaway database (disposing it synchronously here keeps the kit IDisposable).
        Store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temp.Dispose();
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
