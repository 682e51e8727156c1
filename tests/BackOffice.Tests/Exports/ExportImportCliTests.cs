using BackOffice.Tests.Support;

namespace BackOffice.Tests.Exports;

/// <summary>`backoffice import --source ...` (issue 14) through the command line.</summary>
public sealed class ExportImportCliTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public ExportImportCliTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task DemoTenantAsync()
    {
        await _cli.OkAsync("tenant", "create", "t1");
        await _cli.OkAsync("import", "--tenant", "t1", RepoPaths.DemoBundle);
    }

    [Fact]
    public async Task Import_MappingShow_PrintsKindHeaderRowAndColumnsAndImportsNothing()
    {
        await DemoTenantAsync();

        var shown = await _cli.OkAsync("import", "--tenant", "t1", Path.Combine(ExportImportKit.Samples("quickbooks"), "bill-list.csv"),
            "--source", "quickbooks", "--mapping", "show");

        Assert.Contains("bill-list.csv: quickbooks bill-list, header on row 5 (suggested)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("vendor         <- 'Vendor'", shown.Out, StringComparison.Ordinal);
        var imported = await _cli.OkAsync("import", "--tenant", "t1", ExportImportKit.Samples("quickbooks"), "--source", "quickbooks");
        Assert.Contains("ledger/bills.csv", imported.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnsureName_Exit2ThenAnsweredOnceWithName()
    {
        await DemoTenantAsync();
        var file = Path.Combine(_temp.Root, "po.csv");
        await File.WriteAllTextAsync(file, "Job,PO #,PO Status,Performed By,Cost,Cost Code\nNguyen Garage Addition,9,Sent,Summit Paint,$10.00,03-300\n");

        var refused = await _cli.RunAsync("import", "--tenant", "t1", file, "--source", "buildertrend");
        await _cli.OkAsync("import", "--tenant", "t1", file, "--source", "buildertrend", "--name", "vendor:Summit Paint=pv-04");
        var again = await _cli.OkAsync("import", "--tenant", "t1", file, "--source", "buildertrend");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("unsure which vendor 'Summit Paint' is (candidates: pv-04)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 changed, 0 removed", again.Out, StringComparison.Ordinal);
    }
}
