using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Sandbox;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// The INSERTs for one QuickBooks entity and its lines (field names from qbo.md section 5: python-quickbooks objects
/// and Intuit's API reference samples). Amounts become INTEGER cents; ids stay strings.
/// </summary>
internal static class QuickBooksRowSql
{
    private const string Provenance = "'quickbooks', @SyncToken, @Updated, @RowHash";

    /// <param name="retainageItemId">The tenant's retainage item (issue 16): its invoice lines are retainage, not work.</param>
    /// <param name="dueTermId">The term that dated a bill's or invoice's due date (issue 16), null when QuickBooks sent it.</param>
    public static IEnumerable<(string Sql, object Row)> Rows(QuickBooksJson q, string? retainageItemId = null, string? dueTermId = null) => q.Entity switch
    {
        "Account" => [($"INSERT INTO ledger_accounts (id, number, name, type, active, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Number, @Name, @Type, @Active, {Provenance})",
            new { q.Id, Number = q.Optional("AcctNum"), Name = q.Optional("FullyQualifiedName") ?? q.Text("Name"), Type = q.Text("AccountType"), Active = q.Flag("Active", true), q.SyncToken, q.Updated, q.RowHash })],
        "Customer" => [($"INSERT INTO ledger_customers (id, name, parent_id, fully_qualified_name, is_project, active, sales_term_id, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Name, @Parent, @Fqn, @IsProject, @Active, @Term, {Provenance})",
            new { q.Id, Name = q.Text("DisplayName"), Parent = q.OptionalRef("ParentRef"), Term = q.OptionalRef("SalesTermRef"), Fqn = q.Optional("FullyQualifiedName") ?? q.Text("DisplayName"), IsProject = q.Flag("IsProject", false), Active = q.Flag("Active", true), q.SyncToken, q.Updated, q.RowHash })],
        "Vendor" => [($"INSERT INTO ledger_vendors (id, name, active, term_id, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Name, @Active, @Term, {Provenance})",
            new { q.Id, Name = q.Text("DisplayName"), Active = q.Flag("Active", true), Term = q.OptionalRef("TermRef"), q.SyncToken, q.Updated, q.RowHash })],
        "Item" => [($"INSERT INTO ledger_items (id, name, fully_qualified_name, type, active, income_account_id, expense_account_id, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Name, @Fqn, @Type, @Active, @Income, @Expense, {Provenance})",
            new { q.Id, Name = q.Text("Name"), Fqn = q.Optional("FullyQualifiedName") ?? q.Text("Name"), Type = q.Optional("Type"), Active = q.Flag("Active", true), Income = q.OptionalRef("IncomeAccountRef"), Expense = q.OptionalRef("ExpenseAccountRef"), q.SyncToken, q.Updated, q.RowHash })],
        "Class" => [($"INSERT INTO ledger_classes (id, name, fully_qualified_name, parent_id, active, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Name, @Fqn, @Parent, @Active, {Provenance})",
            new { q.Id, Name = q.Text("Name"), Fqn = q.Optional("FullyQualifiedName") ?? q.Text("Name"), Parent = q.OptionalRef("ParentRef"), Active = q.Flag("Active", true), q.SyncToken, q.Updated, q.RowHash })],
        "Term" => [($"INSERT INTO ledger_terms (id, name, type, due_days, day_of_month_due, due_next_month_days, active, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Name, @Type, @DueDays, @DayOfMonth, @NextMonth, @Active, {Provenance})",
            new { q.Id, Name = q.Text("Name"), Type = q.Optional("Type"), DueDays = q.Whole("DueDays"), DayOfMonth = q.Whole("DayOfMonthDue"), NextMonth = q.Whole("DueNextMonthDays"), Active = q.Flag("Active", true), q.SyncToken, q.Updated, q.RowHash })],
        "Bill" => Bill(q, dueTermId),
        "Invoice" => Invoice(q, retainageItemId, dueTermId),
        "Payment" => Payment(q),
        "JournalEntry" => JournalEntry(q),
        "PurchaseOrder" => [($"INSERT INTO ledger_purchase_orders (id, vendor_id, customer_id, doc_number, txn_date, total_cents, status, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Vendor, @Customer, @Doc, @Date, @Total, @Status, {Provenance})",
            new { q.Id, Vendor = q.Ref("VendorRef"), Customer = q.Lines.Select(l => QuickBooksJson.RefOf(Detail(l), "CustomerRef")).FirstOrDefault(v => v is not null), Doc = q.Optional("DocNumber"), Date = q.Text("TxnDate"), Total = q.Cents("TotalAmt"), Status = q.Optional("POStatus") ?? "Open", q.SyncToken, q.Updated, q.RowHash })],
        _ when QuickBooksCreditRowSql.Handles(q.Entity) => QuickBooksCreditRowSql.Rows(q),
        _ => throw new QuickBooksResponseException($"QuickBooks entity type '{q.Entity}' is not one the back office reads."),
    };

    private static IEnumerable<(string, object)> Bill(QuickBooksJson q, string? dueTermId)
    {
        yield return ("INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, due_date, due_term_id, total_cents, memo, origin, sync_token, status, source_updated_at, row_hash) VALUES (@Id, @Vendor, @Doc, @Date, @Due, @DueTerm, @Total, @Memo, 'quickbooks', @SyncToken, 'active', @Updated, @RowHash)",
            new { q.Id, Vendor = q.Ref("VendorRef"), Doc = q.Optional("DocNumber"), Date = q.Text("TxnDate"), Due = q.Optional("DueDate"), DueTerm = dueTermId, Total = q.Cents("TotalAmt"), Memo = q.Optional("PrivateNote"), q.SyncToken, q.Updated, q.RowHash });
        var n = 0;
        foreach (var line in q.Lines.Where(l => l["Amount"] is not null))
        {
            var detail = Detail(line);
            n++;
            // An item-based line has no account of its own; it is kept under its item so totals still agree.
            yield return ("INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, description, amount_cents, billable, row_hash) VALUES (@LineId, @Id, @N, @Account, @Customer, @Item, @Description, @Amount, @Billable, @RowHash)",
                new { LineId = $"{q.Id}-{n}", q.Id, N = n, Account = QuickBooksJson.RefOf(detail, "AccountRef") ?? "", Customer = QuickBooksJson.RefOf(detail, "CustomerRef"),
                    Item = RefName(detail, "ClassRef") ?? RefName(detail, "ItemRef"), Description = line["Description"]?.ToString(), Amount = q.CentsOf(line, "Amount"),
                    Billable = detail?["BillableStatus"]?.ToString() ?? "NotBillable", q.RowHash });
        }
    }

    /// <summary>
    /// Issue 16: as the sandbox and a bundle hold an owner invoice, the lines are the work (gross) and the retainage
    /// withheld is the invoice's retainage, so the negative lines on the retainage item become retainage_cents and no
    /// line; a positive line on it is a "Retainage release" line, which the ledger counts as retainage collected.
    /// </summary>
    private static IEnumerable<(string, object)> Invoice(QuickBooksJson q, string? retainageItemId, string? dueTermId)
    {
        var lines = q.Lines.Where(l => l["DetailType"]?.ToString() == "SalesItemLineDetail")
            .Select(l => (Line: l, Amount: q.CentsOf(l, "Amount"), OnRetainage: retainageItemId is not null && QuickBooksJson.RefOf(Detail(l), "ItemRef") == retainageItemId))
            .ToList();
        var withheld = -lines.Where(l => l.OnRetainage && l.Amount < 0).Sum(l => l.Amount!.Value);
        yield return ($"INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, due_term_id, total_cents, retainage_cents, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Customer, @Doc, @Date, @Due, @DueTerm, @Total, @Withheld, {Provenance})",
            new { q.Id, Customer = q.Ref("CustomerRef"), Doc = q.Optional("DocNumber"), Date = q.Text("TxnDate"), Due = q.Optional("DueDate") ?? q.Text("TxnDate"), DueTerm = dueTermId, Total = q.Cents("TotalAmt"), Withheld = withheld, q.SyncToken, q.Updated, q.RowHash });
        var n = 0;
        foreach (var (line, amount, onRetainage) in lines.Where(l => !(l.OnRetainage && l.Amount < 0)))
        {
            n++;
            yield return ("INSERT INTO ledger_invoice_lines (id, invoice_id, line_no, item, description, amount_cents, row_hash) VALUES (@LineId, @Id, @N, @Item, @Description, @Amount, @RowHash)",
                new { LineId = $"{q.Id}-{n}", q.Id, N = n, Item = onRetainage ? InvoiceLineDraft.ReleaseItem : RefName(Detail(line), "ItemRef"), Description = line["Description"]?.ToString(), Amount = amount, q.RowHash });
        }
    }

    private static IEnumerable<(string, object)> Payment(QuickBooksJson q)
    {
        yield return ($"INSERT INTO ledger_payments (id, customer_id, txn_date, total_cents, unapplied_cents, reference, origin, sync_token, source_updated_at, row_hash) VALUES (@Id, @Customer, @Date, @Total, @Unapplied, @Reference, {Provenance})",
            new { q.Id, Customer = q.Ref("CustomerRef"), Date = q.Text("TxnDate"), Total = q.Cents("TotalAmt"), Unapplied = q.OptionalCents("UnappliedAmt") ?? 0, Reference = q.Optional("PaymentRefNum"), q.SyncToken, q.Updated, q.RowHash });
        var n = 0;
        foreach (var line in q.Lines)
        {
            // A payment line carries no DetailType; what it pays is in LinkedTxn (python-quickbooks objects/payment.py).
            foreach (var invoice in (line["LinkedTxn"] as JsonArray ?? []).Where(l => l?["TxnType"]?.ToString() == "Invoice"))
            {
                n++;
                yield return ("INSERT INTO ledger_payment_lines (id, payment_id, invoice_id, amount_cents, row_hash) VALUES (@LineId, @Id, @Invoice, @Amount, @RowHash)",
                    new { LineId = $"{q.Id}-{n}", q.Id, Invoice = invoice!["TxnId"]?.ToString() ?? throw q.Bad("Line.LinkedTxn.TxnId", "missing"), Amount = q.CentsOf(line, "Amount"), q.RowHash });
            }
        }
    }

    private static IEnumerable<(string, object)> JournalEntry(QuickBooksJson q)
    {
        yield return ("INSERT INTO ledger_journal_entries (id, txn_date, doc_number, memo, origin, sync_token, status, source_updated_at, row_hash) VALUES (@Id, @Date, @Doc, @Memo, 'quickbooks', @SyncToken, 'active', @Updated, @RowHash)",
            new { q.Id, Date = q.Text("TxnDate"), Doc = q.Optional("DocNumber"), Memo = q.Optional("PrivateNote"), q.SyncToken, q.Updated, q.RowHash });
        var n = 0;
        foreach (var line in q.Lines.Where(l => l["DetailType"]?.ToString() == "JournalEntryLineDetail"))
        {
            var detail = Detail(line);
            n++;
            var entity = detail?["Entity"];
            // Issue 16: a line's one entity is a customer (job) or a vendor (the A/P and retainage lines of a payable true-up);
            // the class is kept by Id too, so the job of a vendor's line can be read back through ClassByJob.
            yield return ("INSERT INTO ledger_journal_lines (id, journal_entry_id, line_no, account_id, posting_type, amount_cents, customer_id, vendor_id, class_id, item, description, row_hash) VALUES (@LineId, @Id, @N, @Account, @Posting, @Amount, @Customer, @Vendor, @Class, @Item, @Description, @RowHash)",
                new { LineId = $"{q.Id}-{n}", q.Id, N = n, Account = QuickBooksJson.RefOf(detail, "AccountRef") ?? throw q.Bad("Line.AccountRef", "missing"),
                    Posting = detail?["PostingType"]?.ToString() ?? throw q.Bad("Line.PostingType", "missing"), Amount = q.CentsOf(line, "Amount"),
                    Customer = entity?["Type"]?.ToString() == "Customer" ? QuickBooksJson.RefOf(entity, "EntityRef") : null,
                    Vendor = entity?["Type"]?.ToString() == "Vendor" ? QuickBooksJson.RefOf(entity, "EntityRef") : null,
                    Class = QuickBooksJson.RefOf(detail, "ClassRef"), Item = RefName(detail, "ClassRef"), Description = line["Description"]?.ToString(), q.RowHash });
        }
    }

    private static JsonNode? Detail(JsonObject line) => line["DetailType"]?.ToString() is { } type ? line[type] : null;

    private static string? RefName(JsonNode? node, string field) => node?[field]?["name"]?.ToString() ?? node?[field]?["value"]?.ToString();

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
