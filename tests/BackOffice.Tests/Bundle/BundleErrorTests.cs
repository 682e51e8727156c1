using BackOffice.Store.Bundle;

using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Bundle;

/// <summary>Each broken bundle names file, line and column, and leaves nothing written or copied (DESIGN.md rule 7).</summary>
public sealed class BundleErrorTests
{
    private static async Task<BundleError> FailsWithAsync(BundleTestKit kit, string file, int? line, string? column, string messagePart)
    {
        var failure = await kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors, e => e.File == file && e.Line == line && e.Column == column);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await kit.EverythingAsync());
        Assert.Equal(0, kit.CopiedFiles());
        return error;
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_MissingRequiredColumn_NamesHeaderLine(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/commitments.csv", "retainage_percent", "retainage_pct");

        var error = await FailsWithAsync(kit, "project/commitments.csv", 1, "retainage_percent", "required column 'retainage_percent' is missing");

        Assert.Equal("project/commitments.csv line 1, column retainage_percent: required column 'retainage_percent' is missing from the header", error.ToString());
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_BadDate_NamesLineAndColumn(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/sub-invoices.csv", "si-05,cmt-103-03,RP-2315,2026-11-05", "si-05,cmt-103-03,RP-2315,11/05/2026");

        await FailsWithAsync(kit, "project/sub-invoices.csv", 6, "invoice_date", "expected a date as yyyy-MM-dd, got '11/05/2026'");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_BadAmount_NamesLineAndColumn(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/commitment-lines.csv", "cl-03,cmt-101-02,26-000,Rough-in and trim,16800.00", "cl-03,cmt-101-02,26-000,Rough-in and trim,\"16,80.00\"");

        await FailsWithAsync(kit, "project/commitment-lines.csv", 4, "amount", "got '16,80.00'");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_FractionOfACent_NamesLineAndColumn(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/commitment-lines.csv", "Framing lumber,4850.00", "Framing lumber,4850.005");

        await FailsWithAsync(kit, "project/commitment-lines.csv", 5, "amount", "has a fraction of a cent");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_UnknownReference_NamesLineAndColumn(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/commitments.csv", "cmt-102-01,job-102,pv-04", "cmt-102-01,job-102,pv-99");

        await FailsWithAsync(kit, "project/commitments.csv", 6, "vendor_id", "unknown reference 'pv-99': expected an id in project/vendors.csv");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_DuplicateId_NamesSecondOccurrence(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Append("project/vendors.csv", "pv-03,Brightline Electric (duplicate),Electrical");

        await FailsWithAsync(kit, "project/vendors.csv", 10, "id", "duplicate id 'pv-03': it is already used on line 4");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_BadEnum_ListsAllowedValues(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/commitments.csv", "Kitchen electrical,subcontract,approved", "Kitchen electrical,subcontract,signed");

        await FailsWithAsync(kit, "project/commitments.csv", 3, "status", "expected one of draft, pending, approved, complete, void, got 'signed'");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_SubInvoiceLinesNotSumming_NamesTheInvoiceRow(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/sub-invoice-lines.csv", "si-02-2,si-02,09-900,Prime coat,4000.00", "si-02-2,si-02,09-900,Prime coat,4100.00");

        await FailsWithAsync(kit, "project/sub-invoices.csv", 3, "amount", "sum to the invoice amount 32,000.00, they sum to 32,100.00");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_CommitmentChangeOrderWithoutCommitment_IsAnError(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/change-orders.csv", "co-02,job-101,commitment,cmt-101-01", "co-02,job-101,commitment,");

        await FailsWithAsync(kit, "project/change-orders.csv", 3, "commitment_id", "needs the commitment_id");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_MissingManifest_IsAnError(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        File.Delete(Path.Combine(kit.Bundle, "bundle.json"));

        await FailsWithAsync(kit, "bundle.json", null, null, "the bundle has no bundle.json");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_WrongFormat_IsAnError(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("bundle.json", "backoffice-bundle/1", "backoffice-bundle/2");

        await FailsWithAsync(kit, "bundle.json", null, "format", "expected format 'backoffice-bundle/1', got 'backoffice-bundle/2'");
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_ManyErrors_AreAllReported(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        kit.Edit("project/commitments.csv", ",10,", ",110,");

        var failure = await kit.ImportFailsAsync();

        Assert.Equal(11, failure.Errors.Count(e => e.Column == "retainage_percent"));
    }

    [Theory]
    [StoreProviders]
    public async Task ImportAsync_BadBundleAfterGoodImport_LeavesStoredDataAsBefore(string provider)
    {
        using var kit = await BundleTestKit.CreateAsync(provider);
        await kit.ImportAsync();
        var before = await kit.EverythingAsync();
        kit.Edit("project/jobs.csv", "2026-09-08", "09/08/2026");
        kit.Edit("ledger/vendors.csv", "lv-66,Sunbelt Rentals,true", "lv-66,Sunbelt Rentals Inc,true");
        File.AppendAllText(Path.Combine(kit.Bundle, "inbox", "new-document.txt"), "a new document");

        await kit.ImportFailsAsync();

        Assert.Equal(before, await kit.EverythingAsync());
        Assert.Equal("Sunbelt Rentals", await kit.ScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = 'lv-66'"));
        Assert.Equal(1, await kit.CountAsync("audit_events"));
        Assert.Equal(4, kit.CopiedFiles());
    }
}
