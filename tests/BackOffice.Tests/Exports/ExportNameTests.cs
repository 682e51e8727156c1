using BackOffice.Kernel.Exports;
using BackOffice.Store.Exports;

namespace BackOffice.Tests.Exports;

/// <summary>Names in exports become records through the agents' matcher; an unsure one waits for a person, once (issue 14).</summary>
public sealed class ExportNameTests : IDisposable
{
    private const string Header = "Job,PO #,PO Status,Performed By,Cost,Cost Code\n";
    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ImportAsync_UnsureVendorName_HeldForAPersonAndNothingImported()
    {
        await _kit.DemoAsync();
        // "Summit Paint" is like "Summit Drywall & Paint" (pv-04), but not enough to use it without a person.
        var file = _kit.Write("po.csv", Header + "Nguyen Garage Addition,9,Sent,Summit Paint,$10.00,03-300\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("buildertrend", file));

        var unsure = Assert.Single(refused.Unsure);
        Assert.Equal(("po.csv", 2, "Performed By", "vendor", "Summit Paint"), (unsure.File, unsure.Row, unsure.Column, unsure.Entity, unsure.Name));
        Assert.Equal(["pv-04"], unsure.Candidates);
        Assert.Equal(0L, await _kit.CountAsync("project_commitments WHERE id LIKE 'bt-%'"));
    }

    [Theory]
    [InlineData("pv-04", "pv-04")]
    [InlineData(null, "bt-vendor-summit-paint")]
    public async Task ImportAsync_AfterAPersonAnswered_UsesTheAnswer(string? answer, string expectedVendor)
    {
        await _kit.DemoAsync();
        var file = _kit.Write("po.csv", Header + "Nguyen Garage Addition,9,Sent,Summit Paint,$10.00,03-300\n");
        await _kit.Data.ExportImports.SaveNameDecisionAsync(
            new ExportNameDecision("buildertrend", NameEntity.Vendor, ExportNames.Key("Summit Paint"), answer), "dana", "2026-11-25T00:00:00Z",
            CancellationToken.None);

        await _kit.ImportAsync("buildertrend", file);

        Assert.Equal(expectedVendor, await _kit.ScalarAsync<string>("SELECT vendor_id FROM project_commitments WHERE id LIKE 'bt-%'"));
    }

    [Fact]
    public async Task ImportAsync_NameEqualToAStoredRecord_UsesIt()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("po.csv", Header + "Smith Residence - Kitchen,9,Sent,rivera plumbing llc,$10.00,03-300\n");

        await _kit.ImportAsync("buildertrend", file);

        Assert.Equal(("job-101", "pv-02"), (await _kit.ScalarAsync<string>("SELECT job_id FROM project_commitments WHERE id LIKE 'bt-%'"),
            await _kit.ScalarAsync<string>("SELECT vendor_id FROM project_commitments WHERE id LIKE 'bt-%'")));
    }

    [Fact]
    public async Task ImportAsync_InvoiceForACustomerNobodyImported_SaysWhatToImportFirst()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("invoices.csv", "Invoice List\n\nDate,Transaction type,Num,Name,Due date,Amount\n" +
            "11/01/2026,Invoice,4001,Zed Holdings,12/01/2026,100.00\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("quickbooks", file));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((4, "Name"), (error.Line, error.Column));
        Assert.Contains("Customer Contact List", error.Message, StringComparison.Ordinal);
    }
}
