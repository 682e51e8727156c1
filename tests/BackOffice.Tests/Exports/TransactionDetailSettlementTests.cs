using BackOffice.Kernel.Exports;

namespace BackOffice.Tests.Exports;

/// <summary>
/// Payment, deposit, transfer and credit rows of QuickBooks' Transaction Detail by Account (issue 14), read into the
/// tables the QuickBooks sync fills. The worked rows are those of samples/exports/quickbooks/transaction-detail.csv (made
/// up in the layout of notes/procore.md section 7, [QB-PAY][QB-FIX]), one per type; the figures are read off its rows.
/// </summary>
public sealed class TransactionDetailSettlementTests : IDisposable
{
    private readonly ExportImportKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    // Payment 4410 of $12,000.00 on Accounts Receivable: the report names no invoice, so all of it is unapplied.
    [InlineData("SELECT (SELECT fully_qualified_name FROM ledger_customers WHERE id = customer_id) || ' ' || total_cents || ' ' || unapplied_cents || ' ' || reference || ' ' || txn_date FROM ledger_payments WHERE id = 'qbo-payment-nguyen-t-garage-addition-2026-10-28-4410'",
        "Nguyen, T:Garage Addition 1200000 1200000 4410 2026-10-28")]
    // Bill Payment (Check) 1107, $10,000.00 of BC-2291, and the rest ($3,980.00) by Bill Payment (Credit Card).
    [InlineData("SELECT (SELECT name FROM ledger_vendors WHERE id = vendor_id) || ' ' || total_cents || ' ' || pay_type || ' ' || origin FROM ledger_bill_payments WHERE id = 'qbo-bill-payment-bayside-concrete-co-2026-10-31-1107'",
        "Bayside Concrete Co 1000000 Check bundle")]
    [InlineData("SELECT (SELECT name FROM ledger_vendors WHERE id = vendor_id) || ' ' || total_cents || ' ' || pay_type || ' ' || origin FROM ledger_bill_payments WHERE id = 'qbo-bill-payment-bayside-concrete-co-2026-10-31'",
        "Bayside Concrete Co 398000 CreditCard bundle")]
    // Credit Memo CM-3003, $350.00 (the Invoice List's "Window deleted"), all of it left to apply.
    [InlineData("SELECT doc_number || ' ' || total_cents || ' ' || remaining_cents || ' ' || origin FROM ledger_credit_memos WHERE id = 'qbo-credit-memo-nguyen-t-garage-addition-2026-11-15-cm-3003'",
        "CM-3003 35000 35000 bundle")]
    // Vendor Credit CF-118C, $125.00 (the Bill List's).
    [InlineData("SELECT (SELECT name FROM ledger_vendors WHERE id = vendor_id) || ' ' || doc_number || ' ' || total_cents || ' ' || remaining_cents FROM ledger_vendor_credits WHERE id = 'qbo-vendor-credit-coastal-framing-llc-2026-10-20-cf-118c'",
        "Coastal Framing LLC CF-118C 12500 12500")]
    public async Task ImportAsync_SettlementRowOfTheSample_StoresItsRecord(string sql, string expected)
    {
        await _kit.DemoAsync();

        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        Assert.Equal(expected, await _kit.ScalarAsync<string>(sql));
    }

    [Theory]
    // Deposit: $12.40 interest raises Interest Income (credit) and Operating Checking (debit).
    [InlineData("qbo-txn-deposit-2026-11-20", "acct-7000 Credit 1240 |acct-1000 Debit 1240 ")]
    // Transfer: $2,000.00 from Operating Checking (credit) lowers the card's balance owed (debit).
    [InlineData("qbo-txn-transfer-2026-11-25", "acct-2100 Debit 200000 |acct-1000 Credit 200000 ")]
    // Credit Card Credit: $86.40 returned lowers the card (debit) and the job's materials cost (credit).
    [InlineData("qbo-txn-credit-card-credit-2026-11-18-home-depot-pro",
        "acct-2100 Debit 8640 |qbo-acct-job-materials Credit 8640 qbo-customer-nguyen-t-garage-addition")]
    public async Task ImportAsync_MoneyMovingRowOfTheSample_IsABalancedJournalEntry(string id, string expected)
    {
        await _kit.DemoAsync();

        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        Assert.Equal(expected, await _kit.ScalarAsync<string>(
            "SELECT group_concat(account_id || ' ' || posting_type || ' ' || amount_cents || ' ' || COALESCE(customer_id, ''), '|') " +
            $"FROM (SELECT * FROM ledger_journal_lines WHERE journal_entry_id = '{id}' ORDER BY line_no)"));
    }

    [Fact]
    public async Task ImportAsync_SettlementRows_AreJournaledForTheNextSweep()
    {
        await _kit.DemoAsync();

        await _kit.ImportAsync("quickbooks", ExportImportKit.Samples("quickbooks"));

        Assert.True(await _kit.ScalarAsync<long>(
            "SELECT COUNT(*) FROM change_journal WHERE entity_key = 'qbo-bill-payment-bayside-concrete-co-2026-10-31-1107'") > 0);
    }

    [Fact]
    public async Task ImportAsync_UnknownTransactionType_NamesFileRowAndColumn()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("td.csv", TransactionDetailImportTests.Header +
            "Operating Checking,,,,,,,,,,\n,10/31/2026,Sales Receipt,1001,\"Smith, J:Kitchen Remodel\",,,,Construction Income,50.00,50.00\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("quickbooks", file));

        Assert.Equal("td.csv line 7, column Transaction type: unknown transaction type 'Sales Receipt': expected one of Bill, Invoice, " +
            "Journal Entry, Expense, Check, Deposit, Transfer, Credit Card Credit, Payment, Bill Payment (Check), Bill Payment (Credit Card), " +
            "Credit Memo, Vendor Credit", Assert.Single(refused.Errors).ToString());
    }

    [Theory]
    [InlineData("Accounts Receivable", "Payment", "Smith, J:Kitchen Remodel")]
    [InlineData("Accounts Payable", "Bill Payment (Check)", "ABC Supply")]
    [InlineData("Accounts Payable", "Vendor Credit", "ABC Supply")]
    public async Task ImportAsync_SettlementRaisingItsAccount_NamesTheAmount(string section, string type, string name)
    {
        await _kit.DemoAsync();
        var file = _kit.Write("td.csv", TransactionDetailImportTests.Header +
            $"{section},,,,,,,,,,\n,10/31/2026,{type},77,\"{name}\",,,,Operating Checking,25.00,25.00\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("quickbooks", file));

        Assert.Equal($"td.csv line 7, column Amount: a {type} lowers {section}, so its amount there is negative (or zero when voided), got '25.00'",
            Assert.Single(refused.Errors).ToString());
    }

    [Fact]
    public async Task ImportAsync_PaymentOfAnUnknownCustomer_NamesTheNameColumnAndImportsNothing()
    {
        await _kit.DemoAsync();
        var file = _kit.Write("td.csv", TransactionDetailImportTests.Header +
            "Accounts Receivable,,,,,,,,,,\n,10/31/2026,Payment,77,Nobody:Nowhere,,,,Operating Checking,-25.00,-25.00\n");

        var refused = await Assert.ThrowsAsync<ExportImportException>(() => _kit.ImportAsync("quickbooks", file));

        Assert.Equal("td.csv line 7, column Name: no ledger customer is named 'Nobody:Nowhere'; import QuickBooks' Customer Contact List first (in the same folder is fine)",
            Assert.Single(refused.Errors).ToString());
        Assert.Equal(0L, await _kit.CountAsync("ledger_payments WHERE id LIKE 'qbo-%'"));
    }
}
