using BackOffice.Kernel.Exports;
using BackOffice.Store.Bundle;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Exports;

/// <summary>A demo tenant (the sample bundle imported) to import export files into, and a folder for made-up files.</summary>
public sealed class ExportImportKit : IDisposable
{
    private readonly BundleTestKit _bundle = new();

    public ExportImportKit()
    {
        Folder = Path.Combine(_bundle.Temp.Root, "exports");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public TenantData Data => _bundle.Temp.Tenant(BundleTestKit.Tenant, _bundle.Clock);

    public ExportImporter Importer => new(new BundleImporter(_bundle.Clock), _bundle.Clock);

    public static string Samples(string source) => Path.Combine(RepoPaths.Root, "samples", "exports", source);

    public Task DemoAsync() => _bundle.ImportAsync();

    public Task<ExportImportResult> ImportAsync(string source, string path, string? job = null, bool acceptGoodRows = false) =>
        Importer.ImportAsync(Data, new ExportImportRequest(source, path, job, acceptGoodRows, "controller@demo"), CancellationToken.None);

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public Task<long> CountAsync(string table) => _bundle.CountAsync(table);

    public Task<T?> ScalarAsync<T>(string sql) => _bundle.ScalarAsync<T>(sql);

    public void Dispose() => _bundle.Dispose();
}
