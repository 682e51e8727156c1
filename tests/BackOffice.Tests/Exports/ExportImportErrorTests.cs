using System.Text.Json;
using BackOffice.Kernel.Exports;
using BackOffice.Store.Exports;

namespace BackOffice.Tests.Exports;

/// <summary>Bad export rows, unsure names, unknown files and saved mappings (issue 14).</summary>
public sealed class ExportImportErrorTests : IDisposable
{
    private const string PoHeader = "Purchase Orders\n\nJob,PO #,Title,PO Status,Performed By,Cost,Cost Code,Created Date\n";
    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ImportAsync_BadCells_NamesFileRowAndColumnAndImportsNothing()
    {
        await _kit.DemoAsync();
        var before = await _kit.CountAsync("project_commitments");
        var file = _kit.Write("po.csv", PoHeader +
            "Nguyen Garage Addition,1,Slab,Sent,Bayside Concrete Co,\"$1,2345.00\",03-300,09/14/2026\n" +
            "Nguyen Garage Addition,2,Frame,Sent,Coastal Framing LLC,$100.00,06-100,13/01/2026\n" +
            "Nguyen Garage Addition,3,Door,Lost,Overhead Door Pros,$100.00,08-360,09/14/2026\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("buildertrend", file));

        Assert.Equal(["po.csv line 4, column Cost: expected an amount like $1,234.50 or (1,234.50), got '$1,2345.00'",
            "po.csv line 5, column Created Date: expected a date as MM/dd/yyyy, got '13/01/2026'",
            "po.csv line 6, column PO Status: unknown status 'Lost': expected Draft, Sent, Released, Sub/Vendor Approved, Client Approved, Declined, Cancelled or Complete"],
            refused.Errors.Select(e => e.ToString()));
        Assert.Equal(before, await _kit.CountAsync("project_commitments"));
        Assert.Equal(0L, await _kit.CountAsync("project_vendors WHERE id LIKE 'bt-%'"));
    }

    [Fact]
    public async Task ImportAsync_AcceptGoodRows_ImportsOnlyTheGoodRows()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("po.csv", PoHeader +
            "Nguyen Garage Addition,1,Slab,Sent,Bayside Concrete Co,\"$1,234.50\",03-300,09/14/2026\n" +
            "Nguyen Garage Addition,2,Frame,Sent,Coastal Framing LLC,12.345,06-100,09/14/2026\n");

        var result = await _kit.ImportAsync("buildertrend", file, acceptGoodRows: true);

        Assert.Equal(new(1, 1, 0), result.Batch.RowCounts["po.csv"]);
        Assert.Equal(123450L, await _kit.ScalarAsync<long>("SELECT SUM(amount_cents) FROM project_commitment_lines WHERE id LIKE 'bt-%'"));
        // The bad row's new vendor was not created either.
        Assert.Equal(0L, await _kit.CountAsync("project_vendors WHERE name = 'Coastal Framing LLC'"));
    }

    [Fact]
    public async Task ImportAsync_SeveralCostCodesInOneCell_Refused()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("po.csv", PoHeader + "Nguyen Garage Addition,1,Slab,Sent,Bayside Concrete Co,$10.00,\"03-300\n06-100\",09/14/2026\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("buildertrend", file));

        Assert.Equal("Cost Code", Assert.Single(refused.Errors).Column);
    }

    [Fact]
    public async Task ImportAsync_NoKnownHeader_SaysWhichExportsAreKnown()
    {
        var file = _kit.Write("notes.csv", "Shopping list\nmilk,eggs\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("procore", file));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("notes.csv", error.File);
        Assert.Contains("budget (Cost Code, Original Budget Amount)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ProcoreBudgetWithoutJob_AsksForTheJob()
    {
        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("procore", Path.Combine(ExportImportKit.Samples("procore"), "budget.csv")));

        Assert.All(refused.Errors, e => Assert.Contains("--job", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_ThenAFileWithARenamedColumn_UsesTheSavedMappingAfterAPersonAdjustsIt()
    {
        await _kit.DemoAsync();
        var mapping = new ExportMapping("purchase-orders", new Dictionary<string, string>
        {
            ["job"] = "Job", ["number"] = "PO #", ["status"] = "PO Status", ["vendor"] = "Sub", ["amount"] = "Cost", ["cost-code"] = "Cost Code",
        });
        await _kit.Data.ExportImports.SaveMappingAsync("buildertrend", "purchase-orders",
            JsonSerializer.Serialize(mapping, ExportImporter.MappingJson), "dana", "2026-11-25T00:00:00Z", CancellationToken.None);
        var file = _kit.Write("po.csv", "Job,PO #,PO Status,Sub,Cost,Cost Code\nNguyen Garage Addition,7,Sent,Bayside Concrete Co,$10.00,03-300\n");

        var plan = Assert.Single(await _kit.Importer.PlanAsync(_kit.Data, "buildertrend", file, CancellationToken.None));
        var result = await _kit.ImportAsync("buildertrend", file);

        Assert.True(plan.Header!.Saved);
        Assert.Equal(new(1, 0, 0), result.Batch.RowCounts["po.csv"]);
    }

    [Fact]
    public async Task ImportAsync_FirstFileOfAKind_SavesTheSuggestedMapping()
    {
        await _kit.DemoAsync();

        await _kit.ImportAsync("buildertrend", Path.Combine(ExportImportKit.Samples("buildertrend"), "purchase-orders.csv"));

        var saved = await _kit.Data.ExportImports.MappingJsonAsync("buildertrend", CancellationToken.None);
        Assert.Equal("Performed By", JsonSerializer.Deserialize<ExportMapping>(saved["purchase-orders"], ExportImporter.MappingJson)!.Headers["vendor"]);
    }
}
