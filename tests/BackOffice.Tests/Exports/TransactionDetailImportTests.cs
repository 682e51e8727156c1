using BackOffice.Kernel.Exports;

namespace BackOffice.Tests.Exports;

/// <summary>
/// QuickBooks' Transaction Detail by Account report imported as ledger lines (issue 14). The worked file is
/// samples/exports/quickbooks/transaction-detail.csv, made up in the layout of notes/procore.md section 7 ([QB-PAY],
/// [QB-FIX]: account sections, "Total for ..." rows, a Beginning Balance row, the footer timestamp; Customer and
/// Class as chosen columns [QB-TS]); its figures are worked out by hand below.
/// </summary>
public sealed class TransactionDetailImportTests : IDisposable
{
    internal const string Header = "Harbor Line Builders Inc.\nTransaction Detail by Account\nAll Dates\n\n" +
        ",Date,Transaction type,Num,Name,Memo/Description,Customer,Class,Split,Amount,Balance\n";

    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ImportAsync_TransactionDetailSample_MakesBillInvoiceAndJournalLines()
    {
        await _kit.DemoAsync();

        var result = await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        // 20 rows read: 9 bill, invoice and journal lines, 6 lines of the deposit, transfer and card credit, 5 payments
        // and credits; skipped: the bills' and the invoice's A/P and A/R rows (3) and the other side of each payment and
        // credit (5), which TransactionDetailSettlementTests reads.
        Assert.Equal(new(20, 0, 8), result.Batch.RowCounts["transaction-detail.csv"]);
        await AssertWorkedExampleAsync();
        Assert.Contains(result.Batch.Warnings, w => w.Contains("'Bill Payment (Check)' rows become bill payments that pay no bill", StringComparison.Ordinal));
        // Journaled: the next incremental sweep sees the bill whose lines arrived.
        Assert.True(await _kit.ScalarAsync<long>(
            "SELECT COUNT(*) FROM change_journal WHERE entity_key = 'qbo-bill-bayside-concrete-co-bc-2291'") > 0);
    }

    [Fact]
    public async Task ImportAsync_TransactionDetailAsXlsx_ReadsLikeTheCsv()
    {
        await _kit.DemoAsync();
        var folder = Path.Combine(_kit.Folder, "qbo");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(ExportImportKit.Samples("quickbooks")).Where(f => !f.EndsWith("transaction-detail.csv", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        await ExportXlsx.FromCsvAsync(Path.Combine(ExportImportKit.Samples("quickbooks"), "transaction-detail.csv"), Path.Combine(folder, "transaction-detail.xlsx"));

        var result = await _kit.ImportAsync("quickbooks", folder);

        Assert.Equal(new(20, 0, 8), result.Batch.RowCounts["transaction-detail.xlsx"]);
        await AssertWorkedExampleAsync();
    }

    [Fact]
    public async Task ImportAsync_SameReportTwice_ChangesNothing()
    {
        await _kit.DemoAsync();
        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        var again = await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        Assert.False(again.Summary!.AnythingChanged);
    }

    [Theory]
    [InlineData("Materials", "10.00", "Debit")] // Cost of Goods Sold: a cost raises its balance
    [InlineData("Materials", "-10.00", "Credit")]
    [InlineData("Operating Checking", "-10.00", "Credit")] // Bank: a payment lowers it
    [InlineData("Payroll Liabilities", "10.00", "Credit")] // a liability rises with a credit
    [InlineData("Construction Income", "-10.00", "Debit")]
    public async Task ImportAsync_JournalRow_PostsToTheAccountsNormalSide(string account, string amount, string expected)
    {
        await _kit.DemoAsync();
        var file = _kit.Write("td.csv", Header + $"{account},,,,,,,,,,\n,10/31/2026,Journal Entry,JE-9,,Test,,,-Split-,{amount},{amount}\n");

        await _kit.ImportAsync("quickbooks", file);

        Assert.Equal(expected, await _kit.ScalarAsync<string>("SELECT posting_type FROM ledger_journal_lines WHERE id = 'qbo-txn-journal-entry-2026-10-31-je-9-1'"));
        Assert.Equal(1000L, await _kit.ScalarAsync<long>("SELECT amount_cents FROM ledger_journal_lines WHERE id = 'qbo-txn-journal-entry-2026-10-31-je-9-1'"));
    }

    [Fact]
    public async Task ImportAsync_NumberedSubAccountSections_FindTheAccountListsFullNames()
    {
        await _kit.DemoAsync();
        _kit.Write("accounts.csv", "Account List\n\nAccount #,Full name,Type\n5600,Job Costs,Cost of Goods Sold\n5610,Job Costs:Lumber,Cost of Goods Sold\n");
        _kit.Write("td.csv", Header + "5600 Job Costs,,,,,,,,,,\n5610 Lumber,,,,,,,,,,\n" +
            ",10/31/2026,Expense,,Home Depot Pro,Studs,,,Operating Checking,100.00,100.00\nTotal for 5610 Lumber,,,,,,,,,$100.00,\n" +
            ",10/31/2026,Expense,,Home Depot Pro,Dumpster,,,Operating Checking,40.00,40.00\nTotal for 5600 Job Costs,,,,,,,,,$140.00,\n");

        await _kit.ImportAsync("quickbooks", _kit.Folder);

        Assert.Equal("qbo-acct-job-costs-lumber", await _kit.ScalarAsync<string>(
            "SELECT account_id FROM ledger_journal_lines WHERE description = 'Studs'"));
        // The row after the sub-account's total is the parent's own posting.
        Assert.Equal("qbo-acct-job-costs", await _kit.ScalarAsync<string>(
            "SELECT account_id FROM ledger_journal_lines WHERE description = 'Dumpster'"));
    }

    [Fact]
    public async Task ImportAsync_BadRows_NameFileRowAndFieldAndImportNothing()
    {
        await _kit.DemoAsync();
        var before = await _kit.CountAsync("ledger_journal_lines");
        var file = _kit.Write("td.csv", Header + "Job Materials Typo,,,,,,,,,,\n,10/31/2026,Expense,,Home Depot Pro,x,,,Operating Checking,10.00,10.00\n" +
            "Total for Job Materials Typo,,,,,,,,,$10.00,\nMaterials,,,,,,,,,,\n" +
            ",10/31/2026,Expense,,Home Depot Pro,x,Nobody:Nowhere,,Operating Checking,10.00,10.00\n" +
            ",13/31/2026,Journal Entry,J1,,x,,,Job Labor,1.005,\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("quickbooks", file));

        Assert.Equal(string.Join('\n',
            "td.csv line 7, column Account: no ledger account is named 'Job Materials Typo' (the row's account section or Account column); import QuickBooks' Account List first (in the same folder is fine)",
            "td.csv line 10, column Customer: no ledger customer is named 'Nobody:Nowhere'; import QuickBooks' Customer Contact List first (in the same folder is fine)",
            "td.csv line 11, column Date: expected a date as MM/dd/yyyy, got '13/31/2026'",
            "td.csv line 11, column Amount: expected an amount in whole cents, got '1.005'"),
            string.Join('\n', refused.Errors.Select(e => e.ToString())));
        Assert.Equal(before, await _kit.CountAsync("ledger_journal_lines"));
    }

    [Fact]
    public async Task ImportAsync_BillRowWithoutItsBill_NamesTheRow()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("td.csv", Header + "Materials,,,,,,,,,,\n,10/31/2026,Bill,B-1,ABC Supply,Lumber,,,Accounts Payable,5.00,5.00\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("quickbooks", file));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("td.csv", 7), (error.File, error.Line));
        Assert.Contains("qbo-bill-abc-supply-b-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await _kit.CountAsync("ledger_bill_lines WHERE id LIKE 'qbo-%'"));
    }

    [Fact]
    public async Task ImportAsync_KindChosenIsNotTheFiles_Refused()
    {
        await _kit.DemoAsync();

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.Importer.ImportAsync(_kit.Data,
            new ExportImportRequest("quickbooks", Path.Combine(ExportImportKit.Samples("quickbooks"), "bill-list.csv"), null, false, "controller@demo",
                Kind: "transaction-detail"), CancellationToken.None));

        Assert.Equal("bill-list.csv: you chose transaction-detail, but its header is a bill-list export.", Assert.Single(refused.Errors).ToString());
    }

    private async Task AssertWorkedExampleAsync()
    {
        // Bill BC-2291 ($13,980.00 on the Bill List): $10,000.00 + $3,980.00 on Subcontractors for the garage addition.
        Assert.Equal(1398000L, await _kit.ScalarAsync<long>(
            "SELECT SUM(amount_cents) FROM ledger_bill_lines WHERE bill_id = 'qbo-bill-bayside-concrete-co-bc-2291' AND account_id = 'acct-5100'"));
        Assert.Equal("qbo-customer-nguyen-t-garage-addition", await _kit.ScalarAsync<string>(
            "SELECT customer_id FROM ledger_bill_lines WHERE id = 'qbo-bill-bayside-concrete-co-bc-2291-2'"));
        Assert.Equal(981225L, await _kit.ScalarAsync<long>("SELECT amount_cents FROM ledger_bill_lines WHERE bill_id = 'qbo-bill-coastal-framing-llc-cf-118'"));
        // Invoice 3002 ($24,637.75): $20,000.00 framing + $4,637.75 concrete.
        Assert.Equal(2463775L, await _kit.ScalarAsync<long>("SELECT SUM(amount_cents) FROM ledger_invoice_lines WHERE invoice_id = 'qbo-invoice-3002'"));
        // JE-1031: debit Job Labor $1,250.00 on Kitchen Remodel (the Class), credit Payroll Liabilities $1,250.00.
        Assert.Equal("acct-5000 Debit 125000 cust-11|acct-2200 Credit 125000 ", await JournalAsync("qbo-txn-journal-entry-2026-10-31-je-1031"));
        // The $412.60 expense: debit Job Materials on the garage addition, credit Operating Checking.
        Assert.Equal("qbo-acct-job-materials Debit 41260 qbo-customer-nguyen-t-garage-addition|acct-1000 Credit 41260 ",
            await JournalAsync("qbo-txn-expense-2026-10-31-home-depot-pro"));
    }

    private Task<string?> JournalAsync(string id) => _kit.ScalarAsync<string>(
        $"SELECT group_concat(account_id || ' ' || posting_type || ' ' || amount_cents || ' ' || COALESCE(customer_id, ''), '|') " +
        $"FROM (SELECT * FROM ledger_journal_lines WHERE journal_entry_id = '{id}' ORDER BY line_no)");
}
