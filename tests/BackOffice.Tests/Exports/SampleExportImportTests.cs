namespace BackOffice.Tests.Exports;

/// <summary>
/// Each shipped sample export (samples/exports/, made up in the vendors' layouts, issue 14) imported into the demo
/// tenant: rows per file, and amounts worked out by hand from the sample files.
/// </summary>
public sealed class SampleExportImportTests : IDisposable
{
    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ImportAsync_QuickBooksSamples_ImportsEveryListAndReport()
    {
        await _kit.DemoAsync();

        var result = await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        var rows = result.Batch.RowCounts;
        Assert.Equal(new(5, 0, 0), rows["account-list.xlsx"]);
        Assert.Equal(new(4, 0, 0), rows["vendor-contact-list.csv"]);
        // "Smith, J:Kitchen Remodel" is stored already (cust-11) and is left as it is.
        Assert.Equal(new(2, 0, 1), rows["customer-contact-list.csv"]);
        Assert.Equal(new(3, 0, 1), rows["invoice-list.csv"]); // the credit memo is not an invoice
        Assert.Equal(new(2, 0, 1), rows["ar-aging-detail.csv"]); // the same invoices as the list, equal, so stored once
        Assert.Equal(new(2, 0, 1), rows["bill-list.csv"]); // the vendor credit is not a bill
        Assert.Equal(2463775L, await _kit.ScalarAsync<long>("SELECT total_cents FROM ledger_invoices WHERE doc_number = '3002'"));
        Assert.Equal("2026-11-30", await _kit.ScalarAsync<string>("SELECT due_date FROM ledger_invoices WHERE doc_number = '3002'"));
        Assert.Equal(981225L, await _kit.ScalarAsync<long>("SELECT total_cents FROM ledger_bills WHERE doc_number = 'CF-118'"));
        Assert.Equal(0L, await _kit.ScalarAsync<long>("SELECT active FROM ledger_accounts WHERE name = 'Small Tools'"));
        Assert.Equal("Accounts Payable", await _kit.ScalarAsync<string>("SELECT type FROM ledger_accounts WHERE number = '2000'"));
        Assert.Equal("lv-56", await _kit.ScalarAsync<string>("SELECT id FROM ledger_vendors WHERE name = 'ABC Supply'"));
        Assert.Equal(1L, await _kit.ScalarAsync<long>(
            "SELECT is_project FROM ledger_customers WHERE fully_qualified_name = 'Nguyen, T:Garage Addition'"));
    }

    [Fact]
    public async Task ImportAsync_BuildertrendSamples_ImportsEveryExport()
    {
        await _kit.DemoAsync();

        var result = await _kit.ImportAsync("buildertrend", ExportImportKit.Samples("buildertrend"));

        var rows = result.Batch.RowCounts;
        Assert.Equal(new(4, 0, 0), rows["job-costing-budget.csv"]);
        Assert.Equal(new(4, 0, 0), rows["purchase-orders.csv"]);
        Assert.Equal(new(3, 0, 0), rows["bills.csv"]);
        Assert.Equal(new(3, 0, 0), rows["change-orders.csv"]);
        Assert.Equal(new(4, 0, 0), rows["time-clock.csv"]);
        // Revised $23,475.50 less original $21,600.00.
        Assert.Equal(187550L, await _kit.ScalarAsync<long>(
            "SELECT approved_changes_cents FROM project_budget_lines WHERE cost_code = '06-100' AND job_id LIKE 'bt-%'"));
        Assert.Equal(-35000L, await _kit.ScalarAsync<long>("SELECT amount_cents FROM project_change_orders WHERE number = 'CO-003'"));
        // PO 2's cell also names "Buildertrend Flat Rate", which is a placeholder, not a second code.
        Assert.Equal("06-100", await _kit.ScalarAsync<string>(
            "SELECT l.cost_code FROM project_commitment_lines l JOIN project_commitments c ON c.id = l.commitment_id WHERE c.number = '2' AND c.id LIKE 'bt-%'"));
        Assert.Equal("pv-01", await _kit.ScalarAsync<string>("SELECT vendor_id FROM project_commitments WHERE number = '4' AND id LIKE 'bt-%'"));
        Assert.Equal("void", await _kit.ScalarAsync<string>("SELECT status FROM project_commitments WHERE number = '4' AND id LIKE 'bt-%'"));
        // 09:30 of work from the assumed 07:00 start.
        Assert.Equal("2026-11-16T16:30:00", await _kit.ScalarAsync<string>(
            "SELECT clock_out FROM workforce_timecards WHERE employee_id = 'emp-1' AND clock_in = '2026-11-16T07:00:00' AND id LIKE 'bt-%'"));
    }

    [Fact]
    public async Task ImportAsync_ProcoreSamples_ImportsBudgetAndCommitmentsIntoTheNamedJob()
    {
        await _kit.DemoAsync();

        var result = await _kit.ImportAsync("procore", ExportImportKit.Samples("procore"), job: "Westside Clinic Renovation");

        Assert.Equal(new(3, 0, 0), result.Batch.RowCounts["budget.csv"]);
        Assert.Equal(new(3, 0, 0), result.Batch.RowCounts["commitments.csv"]);
        Assert.Contains(result.Batch.Warnings, w => w.Contains("no Cost Code column", StringComparison.Ordinal));
        // Revised $94,000.00 less original $96,400.00; estimate at completion $91,000.00.
        Assert.Equal(-240000L, await _kit.ScalarAsync<long>("SELECT approved_changes_cents FROM project_budget_lines WHERE cost_code = '09-250.S'"));
        Assert.Equal(9100000L, await _kit.ScalarAsync<long>("SELECT pm_estimate_at_completion_cents FROM project_budget_lines WHERE cost_code = '09-250.S'"));
        Assert.Equal("pv-04", await _kit.ScalarAsync<string>("SELECT vendor_id FROM project_commitments WHERE number = 'SC-001'"));
        Assert.Equal("draft", await _kit.ScalarAsync<string>("SELECT status FROM project_commitments WHERE number = 'PO-003'"));
    }

    [Fact]
    public async Task ImportAsync_SameFilesTwice_ChangesNothing()
    {
        await _kit.DemoAsync();
        await _kit.ImportAsync("buildertrend", ExportImportKit.Samples("buildertrend"));

        var again = await _kit.ImportAsync("buildertrend", ExportImportKit.Samples("buildertrend"));

        Assert.False(again.Summary!.AnythingChanged);
    }
}
