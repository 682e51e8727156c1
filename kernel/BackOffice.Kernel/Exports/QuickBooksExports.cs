namespace BackOffice.Kernel.Exports;

/// <summary>
/// QuickBooks Online report and list exports (issue 14; notes/procore.md section 7: [QB-CHT], [QB-PAY], [QB-FIX],
/// [QB-CCL], [QB-TS]): company name, report name and period above the header, grouped rows with an empty first
/// column, "Total for ..." and "TOTAL" rows, a footer timestamp. The Bill List's columns were not found: it is read
/// like the A/P Aging Detail (Date, Transaction type, Num, Vendor, Due date, Amount, Open balance).
/// </summary>
public static class QuickBooksExports
{
    private const string Source = "quickbooks";

    public static IReadOnlyList<ExportLayout> Layouts { get; } =
    [
        new(Source, "account-list",
            [R("name", "Account Name", "Full name", "Account"), R("type", "Type", "Account Type"), F("number", "Account #", "Account Number"),
                F("detail-type", "Detail type"), F("balance", "Total balance", "Balance")],
            "name", ["Account List"], "[QB-CHT], with account numbers [QB-FIX]", Account),
        new(Source, "vendor-list",
            [R("name", "Vendor", "Vendor display name", "Display name"), F("company", "Company", "Company name"), F("email", "Email"),
                F("phone", "Phone numbers", "Phone")],
            "name", ["Vendor Contact List", "Vendor List"], "[QB-PAY]", Vendor),
        new(Source, "customer-list",
            [R("name", "Customer full name", "Customer", "Display name"), F("email", "Email"), F("phone", "Phone numbers", "Phone")],
            "name", ["Customer Contact List", "Customer List"], "[QB-CCL]: first header confirmed, the others assumed like the vendor list", Customer),
        new(Source, "invoice-list",
            [R("date", "Date", "Transaction date"), F("type", "Transaction type"), R("number", "Num", "No."),
                R("customer", "Name", "Customer", "Customer full name"), R("due-date", "Due date"), R("amount", "Amount"),
                F("open", "Open balance")],
            "number", ["Invoice List"], "[QB-CCL]", Invoice),
        new(Source, "ar-aging-detail",
            [R("date", "Date", "Transaction date"), F("type", "Transaction type"), R("number", "Num"),
                R("customer", "Customer full name", "Customer", "Name"), R("due-date", "Due date"), R("amount", "Amount"),
                F("open", "Open balance")],
            "number", ["A/R Aging Detail"], "[QB-FIX], older layout [QB-HDR]", Invoice),
        new(Source, "bill-list",
            [R("date", "Date", "Transaction date"), F("type", "Transaction type"), R("number", "Num"),
                R("vendor", "Vendor", "Vendor display name", "Name"), F("due-date", "Due date"), R("amount", "Amount"), F("open", "Open balance")],
            "number", ["Bill List", "Unpaid Bills", "A/P Aging Detail"], "NOT FOUND: read like the A/P Aging Detail [QB-FIX]", Bill),

        // Last: its lines belong to the accounts, bills and invoices the lists above make (issue 14).
        QuickBooksTransactionDetail.Layout,
    ];

    private static ExportField R(string name, params string[] headers) => new(name, headers, true);

    private static ExportField F(string name, params string[] headers) => new(name, headers);

    private static void Account(ExportRow row, ExportBatch batch)
    {
        var name = row.RequiredText("name");
        var deleted = name.EndsWith("(deleted)", StringComparison.OrdinalIgnoreCase);
        name = deleted ? name[..^"(deleted)".Length].Trim() : name;
        var type = QuickBooksAccountTypes.Canonical(row.RequiredText("type"));
        if (type is null && row.TextOrNull("type") is { } text)
        {
            row.Fail("type", $"unknown account type '{text}': expected a QuickBooks type such as Bank, Expenses or Accounts payable (A/P)");
        }

        var id = Master(row, batch, NameEntity.LedgerAccount, name, "acct");
        batch.Add("ledger/accounts.csv", new()
        {
            ["id"] = id, ["number"] = row.Text("number"), ["name"] = name, ["type"] = type ?? "", ["active"] = deleted ? "false" : "true",
        });
    }

    private static void Vendor(ExportRow row, ExportBatch batch)
    {
        var name = row.RequiredText("name");
        batch.Add("ledger/vendors.csv", new() { ["id"] = Master(row, batch, NameEntity.LedgerVendor, name, "vendor"), ["name"] = name, ["active"] = "true" });
    }

    /// <summary>
    /// "Parent:Job" is a job (sub-customer) of Parent; a parent not listed on its own row is added. A customer already
    /// stored is left as it is: the contact list carries nothing the customer table keeps beyond its name.
    /// </summary>
    private static void Customer(ExportRow row, ExportBatch batch)
    {
        var full = row.RequiredText("name");
        var parts = full.Split(':', StringSplitOptions.TrimEntries);
        string? parent = null;
        for (var depth = 1; depth <= parts.Length; depth++)
        {
            var path = string.Join(':', parts.Take(depth));
            var known = !batch.Names.Resolve(NameEntity.LedgerCustomer, path, exactOnly: true).IsNew;
            var id = Master(row, batch, NameEntity.LedgerCustomer, path, "customer");
            if (!known)
            {
                batch.Add("ledger/customers.csv", new()
                {
                    ["id"] = id, ["name"] = parts[depth - 1], ["parent_id"] = parent ?? "", ["fully_qualified_name"] = path,
                    ["is_project"] = depth > 1 ? "true" : "false", ["active"] = "true",
                });
            }

            parent = id;
        }
    }

    /// <summary>Invoice rows of the Invoice List or the A/R Aging Detail (other transaction types are skipped).</summary>
    private static void Invoice(ExportRow row, ExportBatch batch)
    {
        if (row.TextOrNull("type") is { } type && !type.Equals("Invoice", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var customer = ExportRecords.Existing(row, batch, "customer", NameEntity.LedgerCustomer,
            "import the Customer Contact List first (in the same folder is fine)");
        var (date, due, amount) = (row.Date("date", required: true), row.Date("due-date", required: true), row.Money("amount", required: true));
        var number = row.RequiredText("number");
        batch.Add("ledger/invoices.csv", new()
        {
            ["id"] = ExportBatch.Id(Source, "invoice", number), ["customer_id"] = customer ?? "", ["doc_number"] = number,
            ["txn_date"] = date is null ? "" : ExportRow.DateText(date.Value), ["due_date"] = due is null ? "" : ExportRow.DateText(due.Value),
            ["total"] = ExportRow.MoneyText(amount ?? 0m),
        });
    }

    /// <summary>A bill number is the vendor's invoice number, unique only per vendor: the id carries both.</summary>
    private static void Bill(ExportRow row, ExportBatch batch)
    {
        if (row.TextOrNull("type") is { } type && !type.Equals("Bill", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var vendor = ExportRecords.Existing(row, batch, "vendor", NameEntity.LedgerVendor, "import the Vendor Contact List first (in the same folder is fine)");
        var (date, due, amount) = (row.Date("date", required: true), row.Date("due-date"), row.Money("amount", required: true));
        var number = row.RequiredText("number");
        batch.Add("ledger/bills.csv", new()
        {
            ["id"] = ExportBatch.Id(Source, "bill", row.Text("vendor"), number), ["vendor_id"] = vendor ?? "", ["doc_number"] = number,
            ["txn_date"] = date is null ? "" : ExportRow.DateText(date.Value), ["due_date"] = due is null ? "" : ExportRow.DateText(due.Value),
            ["total"] = ExportRow.MoneyText(amount ?? 0m),
        });
    }

    /// <summary>QuickBooks' own list is the authority on its records: an equal name is the stored record, otherwise a new one.</summary>
    private static string Master(ExportRow row, ExportBatch batch, string entity, string name, string kind)
    {
        var answer = batch.Names.Resolve(entity, name, exactOnly: true);
        if (answer.Id is not null)
        {
            return answer.Id;
        }

        var id = ExportBatch.Id(Source, kind, name);
        batch.Names.Register(entity, id, name);
        return id;
    }
}
