using BackOffice.Tests.Bundle;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: master data and transactions a QuickBooks sync owns (origin 'quickbooks') are neither overwritten nor
/// removed by a bundle import; a bundle row that reuses such an id is refused naming file, row and field.
/// </summary>
public sealed class QuickBooksBundleGuardTests : IDisposable
{
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task BundleImport_AfterASync_LeavesTheQuickBooksRowsAsSynced()
    {
        await _kit.ImportAsync();
        await SyncedRowsAsync();

        // The demo bundle lists none of the synced rows: an import removes what its files no longer list, but not these.
        await _kit.ImportAsync();

        Assert.Equal(5L, await _kit.ScalarAsync<long>(
            "SELECT (SELECT COUNT(*) FROM ledger_accounts WHERE origin = 'quickbooks') + (SELECT COUNT(*) FROM ledger_vendors WHERE origin = 'quickbooks') " +
            "+ (SELECT COUNT(*) FROM ledger_customers WHERE origin = 'quickbooks') + (SELECT COUNT(*) FROM ledger_invoices WHERE origin = 'quickbooks') " +
            "+ (SELECT COUNT(*) FROM ledger_invoice_lines WHERE invoice_id = 'qb-130')"));
        Assert.Equal("Rivera Plumbing LLC", await _kit.ScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = 'qb-46'"));
        Assert.True(await _kit.CountAsync("ledger_vendors") > 1);
    }

    [Theory]
    [InlineData("ledger/vendors.csv", "qb-46,Rivera Plumbing (from the bundle),true")]
    [InlineData("ledger/accounts.csv", "qb-64,5100,Subcontractors,Cost of Goods Sold,true")]
    [InlineData("ledger/customers.csv", "qb-59,Kitchen Remodel,,Kitchen Remodel,false,true")]
    public async Task BundleImport_RowReusingASyncedId_RefusedNamingFileRowAndFieldAndNothingWritten(string file, string row)
    {
        await _kit.ImportAsync();
        await SyncedRowsAsync();
        var lines = File.ReadAllLines(Path.Combine(_kit.Bundle, file)).Length;
        _kit.Append(file, row);

        var refused = await _kit.ImportFailsAsync();

        var error = Assert.Single(refused.Errors, e => e.Message.Contains("QuickBooks", StringComparison.Ordinal));
        Assert.Equal((file, lines + 1, "id"), (error.File, error.Line, error.Column));
        Assert.Equal("Rivera Plumbing LLC", await _kit.ScalarAsync<string>("SELECT name FROM ledger_vendors WHERE id = 'qb-46'"));
    }

    /// <summary>Rows as the QuickBooks sync writes them (QuickBooksRowSql): origin 'quickbooks', SyncToken, row hash.</summary>
    private async Task SyncedRowsAsync()
    {
        await using var c = await _kit.Temp.Tenant(BundleTestKit.Tenant, _kit.Clock).OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("""
            INSERT INTO ledger_accounts (id, number, name, type, active, origin, sync_token, row_hash) VALUES ('qb-64', '5100', 'Subcontractors', 'Cost of Goods Sold', 1, 'quickbooks', 3, 'quickbooks:qb-64:3');
            INSERT INTO ledger_vendors (id, name, active, origin, sync_token, row_hash) VALUES ('qb-46', 'Rivera Plumbing LLC', 1, 'quickbooks', 1, 'quickbooks:qb-46:1');
            INSERT INTO ledger_customers (id, name, fully_qualified_name, is_project, active, origin, sync_token, row_hash) VALUES ('qb-59', 'Kitchen Remodel', 'Smith, J:Kitchen Remodel', 0, 1, 'quickbooks', 0, 'quickbooks:qb-59:0');
            INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, origin, sync_token, row_hash) VALUES ('qb-130', 'qb-59', '1001', '2026-10-01', '2026-10-31', 500000, 0, 'quickbooks', 0, 'quickbooks:qb-130:0');
            INSERT INTO ledger_invoice_lines (id, invoice_id, line_no, item, description, amount_cents, row_hash) VALUES ('qb-130-1', 'qb-130', 1, 'Progress billing', NULL, 500000, 'quickbooks:qb-130:0');
            """);
    }
}
