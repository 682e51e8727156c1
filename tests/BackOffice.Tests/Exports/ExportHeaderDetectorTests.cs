using BackOffice.Kernel.Exports;
using BackOffice.Store.Exports;

namespace BackOffice.Tests.Exports;

/// <summary>Each sample file is recognised as its kind, with its header found below the title rows (issue 14).</summary>
public sealed class ExportHeaderDetectorTests
{
    [Theory]
    [InlineData("buildertrend", "job-costing-budget.csv", "job-costing-budget", 3)]
    [InlineData("buildertrend", "purchase-orders.csv", "purchase-orders", 3)]
    [InlineData("buildertrend", "bills.csv", "bills", 3)]
    [InlineData("buildertrend", "change-orders.csv", "change-orders", 3)]
    [InlineData("buildertrend", "time-clock.csv", "time-clock", 3)]
    [InlineData("quickbooks", "account-list.xlsx", "account-list", 4)]
    [InlineData("quickbooks", "vendor-contact-list.csv", "vendor-list", 5)]
    [InlineData("quickbooks", "customer-contact-list.csv", "customer-list", 5)]
    [InlineData("quickbooks", "invoice-list.csv", "invoice-list", 5)]
    [InlineData("quickbooks", "ar-aging-detail.csv", "ar-aging-detail", 5)]
    [InlineData("quickbooks", "bill-list.csv", "bill-list", 5)]
    [InlineData("quickbooks", "transaction-detail.csv", "transaction-detail", 5)]
    [InlineData("procore", "budget.csv", "budget", 3)]
    [InlineData("procore", "commitments.csv", "commitments", 2)]
    public async Task Detect_SampleFile_FindsItsKindAndHeaderRow(string source, string file, string kind, int headerRow)
    {
        var rows = await ExportSheetReader.ReadAsync(Path.Combine(ExportImportKit.Samples(source), file), CancellationToken.None);

        var header = ExportHeaderDetector.Detect(rows, ExportImporter.LayoutsFor(source), new Dictionary<string, ExportMapping>());

        Assert.Equal(kind, header!.Layout.Kind);
        Assert.Equal(headerRow, rows[header.HeaderIndex].Row);
    }

    [Fact]
    public void Detect_InvoiceAndBillLayoutsShareColumns_TheReportTitleDecides()
    {
        ExportSheetRow[] rows =
        [
            new(1, ["Harbor Line Builders Inc."]), new(2, ["Unpaid Bills"]), new(3, ["Date", "Transaction type", "Num", "Name", "Due date", "Amount"]),
        ];

        var header = ExportHeaderDetector.Detect(rows, QuickBooksExports.Layouts, new Dictionary<string, ExportMapping>());

        Assert.Equal("bill-list", header!.Layout.Kind);
    }
}
