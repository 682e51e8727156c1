namespace BackOffice.Store.Bundle;

/// <summary>
/// Every bundle file, in dependency order (parents before children), mirroring Migrations/Tenant/0100_bundle.sql
/// (and the columns 1600_pay_app_figures.sql, 1630_pay_basis.sql and 1665_piecework_pay.sql add,
/// and the tables of 1667_burden_profiles.sql and 1671_budget_spreads.sql, issue 16).
/// Required = the SQL column is NOT NULL without a default. This one table drives reading, validation and writing.
/// </summary>
public static class BundleSchema
{
    private const string Jobs = "project/jobs.csv", CostCodes = "project/cost-codes.csv", PVendors = "project/vendors.csv";
    private const string Commitments = "project/commitments.csv", PayApps = "project/pay-apps.csv", SubInvoices = "project/sub-invoices.csv";
    private const string Accounts = "ledger/accounts.csv", Customers = "ledger/customers.csv", LVendors = "ledger/vendors.csv";
    private const string Bills = "ledger/bills.csv", Invoices = "ledger/invoices.csv", Payments = "ledger/payments.csv";
    private const string Journals = "ledger/journal-entries.csv", Employees = "workforce/employees.csv";

    public static readonly IReadOnlyList<string> AccountTypes =
    [
        "Bank", "Accounts Receivable", "Other Current Asset", "Fixed Asset", "Other Asset", "Accounts Payable", "Credit Card",
        "Other Current Liability", "Long Term Liability", "Equity", "Income", "Cost of Goods Sold", "Expense", "Other Income",
        "Other Expense",
    ];

    /// <summary>Issue 14: rows a Procore sync owns are neither diffed nor removed by a bundle import (the connector keeps them).</summary>
    private const string NotProcore = "origin <> 'procore'";

    /// <summary>
    /// Issue 13: rows a QuickBooks sync owns (accounts, customers, vendors, invoices, payments, purchase orders) are
    /// neither overwritten nor removed by a bundle import; a bundle row with such an id is refused, naming file, row and field.
    /// </summary>
    private const string NotQuickBooks = "origin <> 'quickbooks'";

    /// <summary>
    /// Issue 18: a line is the bundle's when its document (<paramref name="parent"/>, alias o) is. A correlated EXISTS on
    /// the parent's key, not `document_id IN (SELECT id FROM parent ...)`: read for every stored line as a column of the
    /// re-import's key read, PostgreSQL ran that IN as a subplan per row once the parent's ids outgrew work_mem (2M bill
    /// lines against 1,000 jobs' bills: over an hour), where EXISTS is one index look-up per line on both engines.
    /// </summary>
    private static string Owned(string table, string column, string parent, string condition) =>
        $"EXISTS (SELECT 1 FROM {parent} o WHERE o.id = {table}.{column} AND {condition})";

    public static IReadOnlyList<FileSpec> Files { get; } =
    [
        new(Jobs, "project_jobs", "id", [Id, T("number"), T("name").Req(), E("status", "active", "closed", "on_hold").Req(),
            T("customer_name"), M("contract_cents", SignRule.NonNegative), D("start_date"), D("substantial_completion_date"),
            P("retainage_bp") with { Sign = SignRule.NonNegative }], NotProcore),
        // Cost codes are a shared natural key: the bundle's list owns them all, Procore's included (a sync never overwrites
        // a code another origin wrote, and a code a Procore row still uses cannot be dropped: the orphan check says so).
        new(CostCodes, "project_cost_codes", "code", [T("code").Req(), T("description").Req()]),
        new(PVendors, "project_vendors", "id", [Id, T("name").Req(), T("trade")], NotProcore),
        new("project/budget-lines.csv", "project_budget_lines", "id", [Id, T("job_id").Req().Refs(Jobs), Code.Req(),
            M("original_cents", SignRule.NonNegative).Req(), M("approved_changes_cents", SignRule.Any).Req(), M("pm_estimate_at_completion_cents", SignRule.NonNegative)], NotProcore),
        // Issue 16 (1671_budget_spreads.sql): a job's time-phased budget, PV for earned value where no schedule plans it.
        new("project/budget-spreads.csv", "project_budget_spreads", "id", [Id, T("job_id").Req().Refs(Jobs), Code, D("period_start").Req(),
            D("period_end").Req(), M("amount_cents", SignRule.Any).Req()]),
        new(Commitments, "project_commitments", "id", [Id, T("job_id").Req().Refs(Jobs), T("vendor_id").Req().Refs(PVendors),
            T("number").Req(), T("title"), E("kind", "subcontract", "purchase_order").Req(),
            E("status", "draft", "pending", "approved", "complete", "void").Req(), P("retainage_bp") with { Sign = SignRule.NonNegative, Required = true }, D("contract_date")], NotProcore),
        new("project/commitment-lines.csv", "project_commitment_lines", "id", [Id,
            T("commitment_id").Req().Refs(Commitments), Code.Req(), T("description"), M("amount_cents", SignRule.Any).Req()], NotProcore),
        new("project/change-orders.csv", "project_change_orders", "id", [Id, T("job_id").Req().Refs(Jobs),
            E("kind", "prime", "commitment").Req(), T("commitment_id").Refs(Commitments), T("number").Req(), T("title"),
            E("status", "pending", "approved", "void").Req(), M("amount_cents", SignRule.Any).Req(), Code, D("approved_date")], NotProcore),
        new(PayApps, "project_pay_apps", "id", [Id, T("job_id").Req().Refs(Jobs), T("number").Req(), D("period_end").Req(),
            M("work_completed_to_date_cents", SignRule.NonNegative).Req(), M("stored_materials_cents", SignRule.NonNegative).Req(), M("retainage_held_to_date_cents", SignRule.NonNegative).Req(),
            M("amount_due_cents", SignRule.Any).Req(), E("status", "draft", "submitted", "approved", "paid").Req(),
            P("retainage_bp") with { Sign = SignRule.NonNegative }, P("stored_retainage_bp") with { Sign = SignRule.NonNegative }], NotProcore),
        new("project/pay-app-lines.csv", "project_pay_app_lines", "id", [Id, T("pay_app_id").Req().Refs(PayApps), Code.Req(),
            M("scheduled_value_cents", SignRule.NonNegative).Req(), M("completed_to_date_cents", SignRule.Any).Req(),
            M("stored_materials_cents", SignRule.NonNegative).Or(0L), T("description")], NotProcore),
        new(SubInvoices, "project_sub_invoices", "id", [Id, T("commitment_id").Req().Refs(Commitments), T("number").Req(),
            D("invoice_date").Req(), D("period_end"), M("amount_cents", SignRule.Any).Req(), M("retainage_cents", SignRule.NonNegative).Req(),
            E("status", "draft", "pending", "approved", "paid", "void").Req()], NotProcore),
        new("project/sub-invoice-lines.csv", "project_sub_invoice_lines", "id", [Id, T("sub_invoice_id").Req().Refs(SubInvoices),
            Code.Req(), T("description"), M("amount_cents", SignRule.Any).Req()], NotProcore),
        new("project/schedule-tasks.csv", "project_schedule_tasks", "id", [Id, T("job_id").Req().Refs(Jobs), T("name").Req(),
            T("trade").Req(), D("start_date").Req(), D("end_date").Req(), N("crew_hours_e4").Req(), P("percent_complete_bp").Req()], NotProcore),

        new(Accounts, "ledger_accounts", "id", [Id, T("number"), T("name").Req(), E("type", [.. AccountTypes]).Req(), B("active").Req()], NotQuickBooks),
        new(Customers, "ledger_customers", "id", [Id, T("name").Req(), T("parent_id").Refs(Customers),
            T("fully_qualified_name").Req(), B("is_project").Req(), B("active").Req()], NotQuickBooks),
        new(LVendors, "ledger_vendors", "id", [Id, T("name").Req(), B("active").Req()], NotQuickBooks),
        new(Bills, "ledger_bills", "id", [Id, T("vendor_id").Req().Refs(LVendors), T("doc_number"), D("txn_date").Req(), D("due_date"),
            M("total_cents", SignRule.Any).Req(), T("memo")], "origin = 'bundle'"),
        new("ledger/bill-lines.csv", "ledger_bill_lines", "id", [Id, T("bill_id").Req().Refs(Bills), I("line_no").Req(),
            T("account_id").Req().Refs(Accounts), T("customer_id").Refs(Customers), T("item"), T("description"), M("amount_cents", SignRule.Any).Req(),
            E("billable", "Billable", "NotBillable", "HasBeenBilled").Or("NotBillable")],
            Owned("ledger_bill_lines", "bill_id", "ledger_bills", "o.origin = 'bundle'")),
        new(Invoices, "ledger_invoices", "id", [Id, T("customer_id").Req().Refs(Customers), T("doc_number"), D("txn_date").Req(),
            D("due_date").Req(), M("total_cents", SignRule.Any).Req(), M("retainage_cents", SignRule.NonNegative).Or(0L)], NotQuickBooks),
        new("ledger/invoice-lines.csv", "ledger_invoice_lines", "id", [Id, T("invoice_id").Req().Refs(Invoices), I("line_no").Req(),
            T("item"), T("description"), M("amount_cents", SignRule.Any).Req()],
            Owned("ledger_invoice_lines", "invoice_id", "ledger_invoices", "o.origin <> 'quickbooks'")),
        new(Payments, "ledger_payments", "id", [Id, T("customer_id").Req().Refs(Customers), D("txn_date").Req(),
            M("total_cents", SignRule.NonNegative).Req(), M("unapplied_cents", SignRule.NonNegative).Req(), T("reference")], NotQuickBooks),
        new("ledger/payment-lines.csv", "ledger_payment_lines", "id", [Id, T("payment_id").Req().Refs(Payments),
            T("invoice_id").Req().Refs(Invoices), M("amount_cents", SignRule.NonNegative).Req()],
            Owned("ledger_payment_lines", "payment_id", "ledger_payments", "o.origin <> 'quickbooks'")),
        // Issue 14: bill payments and credits read from QuickBooks' Transaction Detail report, in the tables the sync fills
        // (1340_quickbooks_credits.sql, whose origin defaults to 'quickbooks': these rows say 'bundle'). No applications:
        // the report does not name the bills or invoices they settle, so no payment lines.
        new("ledger/bill-payments.csv", "ledger_bill_payments", "id", [Id, T("vendor_id").Req().Refs(LVendors), D("txn_date").Req(),
            T("doc_number"), M("total_cents", SignRule.NonNegative).Req(), E("pay_type", "Check", "CreditCard").Req(), Bundled], "origin = 'bundle'"),
        new("ledger/credit-memos.csv", "ledger_credit_memos", "id", [Id, T("customer_id").Req().Refs(Customers), T("doc_number"), D("txn_date").Req(),
            M("total_cents", SignRule.NonNegative).Req(), M("remaining_cents", SignRule.NonNegative).Req(), Bundled], "origin = 'bundle'"),
        new("ledger/vendor-credits.csv", "ledger_vendor_credits", "id", [Id, T("vendor_id").Req().Refs(LVendors), T("doc_number"), D("txn_date").Req(),
            M("total_cents", SignRule.NonNegative).Req(), M("remaining_cents", SignRule.NonNegative).Req(), Bundled], "origin = 'bundle'"),
        new(Journals, "ledger_journal_entries", "id", [Id, D("txn_date").Req(), T("doc_number"), T("memo")], "origin = 'bundle'"),
        new("ledger/journal-lines.csv", "ledger_journal_lines", "id", [Id, T("journal_entry_id").Req().Refs(Journals),
            I("line_no").Req(), T("account_id").Req().Refs(Accounts), E("posting_type", "Debit", "Credit").Req(), M("amount_cents", SignRule.NonNegative).Req(),
            T("customer_id").Refs(Customers), T("item"), T("description")],
            Owned("ledger_journal_lines", "journal_entry_id", "ledger_journal_entries", "o.origin = 'bundle'")),
        new("ledger/purchase-orders.csv", "ledger_purchase_orders", "id", [Id, T("vendor_id").Req().Refs(LVendors),
            T("customer_id").Refs(Customers), T("doc_number"), D("txn_date").Req(), M("total_cents", SignRule.NonNegative).Req(), E("status", "Open", "Closed").Req()], NotQuickBooks),

        new("mappings/cost-code-accounts.csv", "map_cost_code_accounts", "cost_code", [Code.Req(), T("account_id").Req().Refs(Accounts)]),
        new("mappings/links.csv", "map_links", "id", [Id, E("kind", "job", "vendor").Req(),
            T("project_id").Req() with { Reference = ByKind(Jobs, PVendors) },
            T("ledger_id").Req() with { Reference = ByKind(Customers, LVendors) }]),

        new(Employees, "workforce_employees", "id", [Id, T("name").Req(), T("trade").Req(), T("work_state").Req(),
            M("base_rate_cents", SignRule.NonNegative).Req(), B("active").Req(),
            // Issue 16 (1630_pay_basis.sql): salaried non-exempt employees; BundleRules checks a salary's fields are complete.
            E("pay_basis", "hourly", "salary-fixed", "salary-fluctuating", "day-rate", "piece-rate").Or("hourly"), M("salary_cents", SignRule.NonNegative),
            E("salary_period", "weekly", "biweekly", "semimonthly", "monthly"), N("salary_hours_e4"),
            // Issue 16 (1665_piecework_pay.sql): a day-rate employee's day rate (29 CFR 778.112).
            M("day_rate_cents", SignRule.NonNegative),
            // Issue 16 (1674_piece_guarantee.sql): a piece-rate employee's minimum hourly guarantee (29 CFR 778.111(b)).
            M("piece_guarantee_cents", SignRule.NonNegative),
            // Issue 16 (1687_agreed_piece_rates.sql): the piece rate and the overtime piece rate agreed for it (29 CFR 778.418).
            N("piece_rate_e4"), N("overtime_piece_rate_e4")]),
        new("workforce/timecards.csv", "workforce_timecards", "id", [Id, T("employee_id").Req().Refs(Employees), T("job_id").Refs(Jobs),
            Dt("clock_in").Req(), Dt("clock_out"), M("rate_cents", SignRule.NonNegative),
            // Issue 16 (1673_timecard_trade.sql): the trade worked on the shift; empty: the employee's trade. BundleRules checks it is known.
            T("trade")]),
        new("workforce/payroll-lines.csv", "workforce_payroll_lines", "id", [Id, T("run_id").Req(),
            T("employee_id").Req().Refs(Employees), D("week_start").Req(), N("regular_hours_e4").Req(), N("overtime_hours_e4").Req(),
            N("double_time_hours_e4").Req(), M("bonus_cents", SignRule.Any).Req(), M("gross_pay_cents", SignRule.NonNegative).Req(),
            E("bonus_kind", "nondiscretionary", "flat-sum").Or("nondiscretionary"),
            // Issue 16 (1665_piecework_pay.sql): days paid at the day rate (778.112) and the week's piece earnings (778.111).
            N("days_e4"), M("piece_earnings_cents", SignRule.NonNegative),
            // Issue 16 (1687_agreed_piece_rates.sql): pieces produced in overtime hours, paid at the agreed rate (778.418).
            N("overtime_pieces_e4"),
            // Issue 16 (1688_rest_period_pay.sql): rest and recovery hours and the minimum wage of the place (Labor Code 226.2).
            N("rest_hours_e4"), M("minimum_wage_cents", SignRule.NonNegative),
            // Issue 16 (1689_line_piece_rates.sql): the straight-time piece rate of the overtime work and the rate its pieces paid (778.418(c)).
            N("piece_rate_e4"), N("overtime_piece_rate_e4")]),
        // Issue 16 (1667_burden_profiles.sql): labor burden per trade, one component a row, overriding the company default.
        new("workforce/burden-profiles.csv", "workforce_burden_profiles", "id", [Id, T("trade").Req(), T("name").Req(),
            E("basis", "percent-of-wages", "per-hundred-of-wages", "monthly-fixed", "per-hour").Req(), N("rate_e4").Req(),
            M("wage_base_cents", SignRule.NonNegative), B("on_overtime_premium"), T("class_code")]),

        new("pricebook/items.csv", "pricebook_items", "id", [Id, T("sku"), T("description").Req(), T("category"), T("unit").Req(),
            N("unit_cost_e4").Req(), M("sell_price_cents", SignRule.NonNegative), T("vendor_name"), T("vendor_sku")]),
        new("contacts.csv", "contacts", "id", [Id, T("name").Req(), T("company"), T("email"), T("phone"), T("role"),
            T("ledger_customer_id").Refs(Customers), T("ledger_vendor_id").Refs(LVendors)]),
    ];

    public static FileSpec File(string path) => Files.First(f => f.Path == path);

    private static ColumnSpec Id => T("id").Req();

    private static ColumnSpec Code => T("cost_code").Refs(CostCodes);

    /// <summary>The origin of a row in a table whose SQL default is another origin's (issue 14: the QuickBooks credit tables).</summary>
    private static ColumnSpec Bundled => E("origin", "bundle").Or("bundle");

    private static ColumnSpec T(string name) => new(name, ValueKind.Text);

    private static ColumnSpec E(string name, params string[] allowed) => new(name, ValueKind.Enum) { Allowed = allowed };

    /// <summary>An amount column; its sign rule is part of its declaration (issue 19), so none is left implicit.</summary>
    private static ColumnSpec M(string name, SignRule sign) => new(name, ValueKind.Money) { Sign = sign };

    private static ColumnSpec P(string name) => new(name, ValueKind.Percent);

    private static ColumnSpec N(string name) => new(name, ValueKind.E4);

    private static ColumnSpec I(string name) => new(name, ValueKind.Integer);

    private static ColumnSpec D(string name) => new(name, ValueKind.Date);

    private static ColumnSpec Dt(string name) => new(name, ValueKind.DateTime);

    private static ColumnSpec B(string name) => new(name, ValueKind.Bool);

    private static ReferenceSpec ByKind(string jobTarget, string vendorTarget) =>
        new(null, "kind", new Dictionary<string, string> { ["job"] = jobTarget, ["vendor"] = vendorTarget });
}
