namespace BackOffice.Kernel.Exports;

/// <summary>
/// QuickBooks Online's "Transaction Detail by Account" report as exported (issue 14; notes/procore.md section 7,
/// [QB-PAY][QB-FIX] for the current layout: "", Transaction date, Transaction type, Num, Name, Description, Split, Amount,
/// Balance in sections per account; [QB-TS][QB-HDR] for the customised one with Memo/Description, Account, Class). Each
/// row is one posting to the account of its section (or of its Account column), becoming a ledger line:
/// <list type="bullet">
/// <item>Bill: a line of the bill the Bill List (or A/P Aging Detail) made, on the row's account; the row in the
/// Accounts Payable section is the bill's total, which that list carries, so it is skipped.</item>
/// <item>Invoice: a line of the invoice the Invoice List (or A/R Aging Detail) made; the Accounts Receivable row is skipped.</item>
/// <item>Journal Entry, Expense, Check: a journal entry per transaction with one line per row, debit or credit by the
/// account's normal side: the report shows each amount as it moves the account's balance, so a positive amount debits a
/// debit-normal account (assets, costs) and credits a credit-normal one (liabilities, equity, income). Assumed from the
/// Balance column's running sum; no source states it.</item>
/// <item>Deposit, Transfer, Credit Card Credit: journal entries as above.</item>
/// <item>Payment, Bill Payment, Credit Memo, Vendor Credit: <see cref="QuickBooksSettlements"/>. Any other type is an
/// error naming its row and column (issue 14), so nothing of the report is silently left out.</item>
/// </list>
/// The job of a line is the Customer column's "Customer:Job", else the Class when it names a customer.
/// </summary>
public static class QuickBooksTransactionDetail
{
    private const string Source = "quickbooks", ImportAccountsFirst = "import QuickBooks' Account List first (in the same folder is fine)";

    /// <summary>
    /// Types that move money between accounts with no record of their own in the ledger (a deposit, a transfer, a card
    /// refund: issue 14) are journal entries like an expense; the sync reads none of them either.
    /// </summary>
    private static readonly HashSet<string> JournalTypes = new(
        ["Journal Entry", "Expense", "Check", "Deposit", "Transfer", "Credit Card Credit"], StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> KnownTypes => ["Bill", "Invoice", .. JournalTypes, .. QuickBooksSettlements.TypeNames];

    private static readonly HashSet<string> CreditNormal = new(
        ["Accounts Payable", "Credit Card", "Other Current Liability", "Long Term Liability", "Equity", "Income", "Other Income"], StringComparer.Ordinal);

    public static ExportLayout Layout { get; } = new(Source, "transaction-detail",
        [R("date", "Date", "Transaction date"), R("type", "Transaction type"), F("number", "Num", "No."), F("name", "Name"),
            F("memo", "Memo/Description", "Description", "Memo"), F("account", "Account", "Account full name"), R("split", "Split"),
            R("amount", "Amount"), F("balance", "Balance"), F("customer", "Customer", "Customer full name", "Customer:Job"), F("class", "Class")],
        "type", ["Transaction Detail by Account", "Transaction List by Date"], "[QB-PAY][QB-FIX], customised columns [QB-TS][QB-HDR]", Convert);

    private static ExportField R(string name, params string[] headers) => new(name, headers, true);

    private static ExportField F(string name, params string[] headers) => new(name, headers);

    private static void Convert(ExportRow row, ExportBatch batch)
    {
        var type = row.RequiredText("type");
        var kind = type.Equals("Bill", StringComparison.OrdinalIgnoreCase) ? "bill"
            : type.Equals("Invoice", StringComparison.OrdinalIgnoreCase) ? "invoice"
            : JournalTypes.Contains(type) ? "journal"
            : QuickBooksSettlements.Handles(type) ? "settlement" : null;
        if (kind is null)
        {
            row.Fail("type", $"unknown transaction type '{type}': expected one of {string.Join(", ", KnownTypes)}");
            return;
        }

        var (account, accountType) = Account(row, batch);
        var (date, amount) = (row.Date("date", required: true), row.Money("amount", required: true));
        if (account is null || date is null || amount is null || SettlingSide(kind, accountType))
        {
            return;
        }

        if (kind == "settlement")
        {
            QuickBooksSettlements.Convert(row, batch, type, accountType!, date.Value, amount.Value);
            return;
        }

        var customer = Customer(row, batch);
        if (kind == "journal")
        {
            Journal(row, batch, type, date.Value, new Posting(account, accountType!, amount.Value, customer));
        }
        else
        {
            Line(row, batch, kind, account, amount.Value, customer);
        }
    }

    /// <summary>A bill's row on Accounts Payable and an invoice's on Accounts Receivable are their totals, not lines.</summary>
    private static bool SettlingSide(string kind, string? accountType) =>
        (kind == "bill" && accountType == "Accounts Payable") || (kind == "invoice" && accountType == "Accounts Receivable");

    /// <summary>The row's Account column, else its innermost account section; an account QuickBooks' list does not hold is an error.</summary>
    private static (string? Id, string? Type) Account(ExportRow row, ExportBatch batch)
    {
        var named = row.TextOrNull("account") ?? (row.Groups.Count > 0 ? row.Groups[^1] : null);
        if (named is null)
        {
            row.Fail("account", "the row is under no account section and has no Account column");
            return (null, null);
        }

        foreach (var name in AccountNames(named, row.Groups))
        {
            if (batch.Names.Resolve(NameEntity.LedgerAccount, name, exactOnly: true).Id is { } id && batch.AccountType(id) is { } accountType)
            {
                return (id, accountType);
            }
        }

        row.Fail("account", $"no ledger account is named '{named}' (the row's account section or Account column); {ImportAccountsFirst}");
        return (null, null);
    }

    /// <summary>
    /// "Parent:Child" as the Account List writes a sub-account nested in its parent's section, then the section's own
    /// name; each also without a leading account number ("5010 Lumber"), which sections carry when numbers are on.
    /// </summary>
    private static IEnumerable<string> AccountNames(string named, IReadOnlyList<string> groups)
    {
        if (groups.Count > 1 && groups[^1] == named)
        {
            yield return string.Join(':', groups);
            yield return string.Join(':', groups.Select(WithoutNumber));
        }

        yield return named;
        yield return WithoutNumber(named);
    }

    private static string WithoutNumber(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && name[..space].All(char.IsAsciiDigit) ? name[(space + 1)..].Trim() : name;
    }

    /// <summary>The Customer column ("Customer:Job") must name a customer; a Class names the job only when it is a customer's name.</summary>
    private static string? Customer(ExportRow row, ExportBatch batch)
    {
        if (row.TextOrNull("customer") is not null)
        {
            return ExportRecords.Existing(row, batch, "customer", NameEntity.LedgerCustomer,
                "import QuickBooks' Customer Contact List first (in the same folder is fine)");
        }

        if (row.TextOrNull("class") is not { } className)
        {
            return null;
        }

        var answer = batch.Names.Resolve(NameEntity.LedgerCustomer, className);
        if (answer.IsNew)
        {
            batch.WarnOnce(row.File, $"class '{className}' names no customer or job: its lines carry no job");
            return null;
        }

        return ExportRecords.Existing(row, batch, "class", NameEntity.LedgerCustomer, "");
    }

    /// <summary>A line of the bill or invoice its list made: same id as <see cref="QuickBooksExports"/> gives it, numbered in report order.</summary>
    private static void Line(ExportRow row, ExportBatch batch, string kind, string account, decimal amount, string? customer)
    {
        var number = row.RequiredText("number");
        var parent = kind == "bill" ? ExportBatch.Id(Source, "bill", row.RequiredText("name"), number) : ExportBatch.Id(Source, "invoice", number);
        if (row.Bad)
        {
            return;
        }

        var lineNo = batch.Occurrence(parent).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["id"] = $"{parent}-{lineNo}", [$"{kind}_id"] = parent, ["line_no"] = lineNo, ["description"] = row.Text("memo"),
            ["amount"] = ExportRow.MoneyText(amount),
        };
        if (kind == "bill")
        {
            values["account_id"] = account;
            values["customer_id"] = customer ?? "";
        }

        batch.Add($"ledger/{kind}-lines.csv", values);
    }

    private sealed record Posting(string Account, string AccountType, decimal Amount, string? Customer);

    /// <summary>
    /// One journal entry per transaction: a journal entry's lines name different people, so its key is type, date and
    /// number; an expense or check often has no number, so its payee is part of the key.
    /// </summary>
    private static void Journal(ExportRow row, ExportBatch batch, string type, DateOnly date, Posting posting)
    {
        var journal = type.Equals("Journal Entry", StringComparison.OrdinalIgnoreCase);
        var key = new[] { type, ExportRow.DateText(date), row.Text("number"), journal ? "" : row.Text("name") }.Where(k => k.Length > 0).ToArray();
        var id = ExportBatch.Id(Source, "txn", key);
        batch.Add("ledger/journal-entries.csv", new()
        {
            ["id"] = id, ["txn_date"] = ExportRow.DateText(date), ["doc_number"] = row.Text("number"),
            ["memo"] = journal ? "Journal Entry" : $"{type} {row.Text("name")}".Trim(),
        });
        var debit = (posting.Amount >= 0) != CreditNormal.Contains(posting.AccountType);
        var lineNo = batch.Occurrence(id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        batch.Add("ledger/journal-lines.csv", new()
        {
            ["id"] = $"{id}-{lineNo}", ["journal_entry_id"] = id, ["line_no"] = lineNo, ["account_id"] = posting.Account,
            ["posting_type"] = debit ? "Debit" : "Credit", ["amount"] = ExportRow.MoneyText(Math.Abs(posting.Amount)),
            ["customer_id"] = posting.Customer ?? "", ["description"] = row.Text("memo"),
        });
    }
}
