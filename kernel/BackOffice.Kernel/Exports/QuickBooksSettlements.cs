namespace BackOffice.Kernel.Exports;

/// <summary>
/// Transaction Detail by Account rows that settle or offset bills and invoices (issue 14), read into the tables the
/// QuickBooks sync fills (issue 13, 1340_quickbooks_credits.sql): a Payment is a customer payment (ledger_payments), a
/// Bill Payment (Check) or (Credit Card) a bill payment of that pay type, a Credit Memo a customer credit, a Vendor
/// Credit a vendor credit. A transaction appears once per account it posts to; its row on Accounts Receivable or
/// Accounts Payable is the record (its whole amount, lowering that account, so negative), and the bank, income or cost
/// rows of the same transaction are its other side, skipped. The report does not name the invoices or bills a payment or
/// credit was applied to ([QB-PAY][QB-FIX] columns: no linked transaction), so a payment is stored wholly unapplied,
/// a bill payment pays no bill, and a credit keeps its whole amount to apply; a warning says so once per type.
/// </summary>
internal static class QuickBooksSettlements
{
    private const string Source = "quickbooks";

    private sealed record Settlement(string Kind, string Side, string Party, string File, string Unapplied);

    private static readonly Dictionary<string, Settlement> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Payment"] = new("payment", "Accounts Receivable", NameEntity.LedgerCustomer, "ledger/payments.csv",
            "payments with their whole amount unapplied: the report does not say which invoices they paid"),
        ["Bill Payment (Check)"] = BillPayment,
        ["Bill Payment (Credit Card)"] = BillPayment,
        ["Credit Memo"] = new("credit-memo", "Accounts Receivable", NameEntity.LedgerCustomer, "ledger/credit-memos.csv", Credit),
        ["Vendor Credit"] = new("vendor-credit", "Accounts Payable", NameEntity.LedgerVendor, "ledger/vendor-credits.csv", Credit),
    };

    private const string Credit = "credits with their whole amount left to apply: the report does not say where they were applied";

    private static Settlement BillPayment => new("bill-payment", "Accounts Payable", NameEntity.LedgerVendor, "ledger/bill-payments.csv",
        "bill payments that pay no bill: the report does not say which bills they paid");

    public static IEnumerable<string> TypeNames => Types.Keys;

    public static bool Handles(string type) => Types.ContainsKey(type);

    /// <summary>The row on the settled account becomes the record; the other rows of the transaction are skipped.</summary>
    public static void Convert(ExportRow row, ExportBatch batch, string type, string accountType, DateOnly date, decimal amount)
    {
        var settlement = Types[type];
        if (accountType != settlement.Side)
        {
            return;
        }

        if (amount > 0)
        {
            row.Fail("amount", $"a {type} lowers {settlement.Side}, so its amount there is negative (or zero when voided), got '{row.Text("amount")}'");
            return;
        }

        var party = ExportRecords.Existing(row, batch, "name", settlement.Party, settlement.Party == NameEntity.LedgerCustomer
            ? "import QuickBooks' Customer Contact List first (in the same folder is fine)"
            : "import QuickBooks' Vendor Contact List first (in the same folder is fine)");
        if (party is null || row.Bad)
        {
            return;
        }

        var number = row.Text("number");
        var key = new[] { row.Text("name"), ExportRow.DateText(date), number }.Where(k => k.Length > 0).ToArray();
        batch.Add(settlement.File, Values(settlement, type, ExportBatch.Id(Source, settlement.Kind, key), party, date, number, Math.Abs(amount)));
        batch.WarnOnce(row.File, $"'{type}' rows become {settlement.Unapplied}");
    }

    private static Dictionary<string, string> Values(
        Settlement settlement, string type, string id, string party, DateOnly date, string number, decimal total)
    {
        var (money, day) = (ExportRow.MoneyText(total), ExportRow.DateText(date));
        return settlement.Kind switch
        {
            "payment" => new() { ["id"] = id, ["customer_id"] = party, ["txn_date"] = day, ["total"] = money, ["unapplied"] = money, ["reference"] = number },
            "bill-payment" => new()
            {
                ["id"] = id, ["vendor_id"] = party, ["txn_date"] = day, ["doc_number"] = number, ["total"] = money,
                ["pay_type"] = type.Contains("Credit Card", StringComparison.OrdinalIgnoreCase) ? "CreditCard" : "Check",
            },
            "credit-memo" => new() { ["id"] = id, ["customer_id"] = party, ["doc_number"] = number, ["txn_date"] = day, ["total"] = money, ["remaining"] = money },
            _ => new() { ["id"] = id, ["vendor_id"] = party, ["doc_number"] = number, ["txn_date"] = day, ["total"] = money, ["remaining"] = money },
        };
    }
}
