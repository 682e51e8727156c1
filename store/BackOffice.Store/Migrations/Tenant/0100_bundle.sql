-- Tenant bundle data (docs/DATA-FORMAT.md). Ids are the source system's own ids, kept as text.
-- Amounts are INTEGER cents (*_cents), percentages INTEGER basis points (*_bp: 10% = 1000),
-- hours and quantities INTEGER ten-thousandths (*_e4: 7.5 h = 75000). Dates are TEXT yyyy-MM-dd.
-- row_hash is the SHA-256 of the imported row, so a re-import can tell unchanged from changed.
-- origin is 'bundle' for imported rows and 'sandbox' for rows the sandbox ledger created.

-- Project side (Procore / Buildertrend)
CREATE TABLE project_jobs (
    id TEXT PRIMARY KEY, number TEXT, name TEXT NOT NULL, status TEXT NOT NULL,
    customer_name TEXT, contract_cents INTEGER, start_date TEXT, substantial_completion_date TEXT,
    row_hash TEXT NOT NULL);
CREATE TABLE project_cost_codes (
    code TEXT PRIMARY KEY, description TEXT NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE project_vendors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, trade TEXT, row_hash TEXT NOT NULL);
CREATE TABLE project_budget_lines (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), cost_code TEXT NOT NULL REFERENCES project_cost_codes(code),
    original_cents INTEGER NOT NULL, approved_changes_cents INTEGER NOT NULL, pm_estimate_at_completion_cents INTEGER,
    row_hash TEXT NOT NULL);
CREATE TABLE project_commitments (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), vendor_id TEXT NOT NULL REFERENCES project_vendors(id),
    number TEXT NOT NULL, title TEXT, kind TEXT NOT NULL, status TEXT NOT NULL, retainage_bp INTEGER NOT NULL,
    contract_date TEXT, row_hash TEXT NOT NULL);
CREATE TABLE project_commitment_lines (
    id TEXT PRIMARY KEY, commitment_id TEXT NOT NULL REFERENCES project_commitments(id),
    cost_code TEXT NOT NULL REFERENCES project_cost_codes(code), description TEXT, amount_cents INTEGER NOT NULL,
    row_hash TEXT NOT NULL);
CREATE TABLE project_change_orders (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), kind TEXT NOT NULL,
    commitment_id TEXT REFERENCES project_commitments(id), number TEXT NOT NULL, title TEXT, status TEXT NOT NULL,
    amount_cents INTEGER NOT NULL, cost_code TEXT REFERENCES project_cost_codes(code), approved_date TEXT,
    row_hash TEXT NOT NULL);
CREATE TABLE project_pay_apps (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), number TEXT NOT NULL, period_end TEXT NOT NULL,
    work_completed_to_date_cents INTEGER NOT NULL, stored_materials_cents INTEGER NOT NULL,
    retainage_held_to_date_cents INTEGER NOT NULL, amount_due_cents INTEGER NOT NULL, status TEXT NOT NULL,
    row_hash TEXT NOT NULL);
CREATE TABLE project_pay_app_lines (
    id TEXT PRIMARY KEY, pay_app_id TEXT NOT NULL REFERENCES project_pay_apps(id),
    cost_code TEXT NOT NULL REFERENCES project_cost_codes(code), scheduled_value_cents INTEGER NOT NULL,
    completed_to_date_cents INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE project_sub_invoices (
    id TEXT PRIMARY KEY, commitment_id TEXT NOT NULL REFERENCES project_commitments(id), number TEXT NOT NULL,
    invoice_date TEXT NOT NULL, period_end TEXT, amount_cents INTEGER NOT NULL, retainage_cents INTEGER NOT NULL,
    status TEXT NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE project_sub_invoice_lines (
    id TEXT PRIMARY KEY, sub_invoice_id TEXT NOT NULL REFERENCES project_sub_invoices(id),
    cost_code TEXT NOT NULL REFERENCES project_cost_codes(code), description TEXT, amount_cents INTEGER NOT NULL,
    row_hash TEXT NOT NULL);
CREATE TABLE project_schedule_tasks (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), name TEXT NOT NULL, trade TEXT NOT NULL,
    start_date TEXT NOT NULL, end_date TEXT NOT NULL, crew_hours_e4 INTEGER NOT NULL, percent_complete_bp INTEGER NOT NULL,
    row_hash TEXT NOT NULL);

-- Ledger side (QuickBooks Online / Sage Intacct)
CREATE TABLE ledger_accounts (
    id TEXT PRIMARY KEY, number TEXT, name TEXT NOT NULL, type TEXT NOT NULL, active INTEGER NOT NULL,
    row_hash TEXT NOT NULL);
CREATE TABLE ledger_customers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, parent_id TEXT REFERENCES ledger_customers(id),
    fully_qualified_name TEXT NOT NULL, is_project INTEGER NOT NULL, active INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE ledger_vendors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, active INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE ledger_bills (
    id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES ledger_vendors(id), doc_number TEXT, txn_date TEXT NOT NULL,
    due_date TEXT, total_cents INTEGER NOT NULL, memo TEXT,
    origin TEXT NOT NULL DEFAULT 'bundle', sync_token INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'active',
    row_hash TEXT NOT NULL);
CREATE TABLE ledger_bill_lines (
    id TEXT PRIMARY KEY, bill_id TEXT NOT NULL REFERENCES ledger_bills(id), line_no INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES ledger_accounts(id), customer_id TEXT REFERENCES ledger_customers(id),
    item TEXT, description TEXT, amount_cents INTEGER NOT NULL, billable TEXT NOT NULL DEFAULT 'NotBillable',
    row_hash TEXT NOT NULL);
CREATE TABLE ledger_invoices (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES ledger_customers(id), doc_number TEXT,
    txn_date TEXT NOT NULL, due_date TEXT NOT NULL, total_cents INTEGER NOT NULL, retainage_cents INTEGER NOT NULL DEFAULT 0,
    row_hash TEXT NOT NULL);
CREATE TABLE ledger_invoice_lines (
    id TEXT PRIMARY KEY, invoice_id TEXT NOT NULL REFERENCES ledger_invoices(id), line_no INTEGER NOT NULL,
    item TEXT, description TEXT, amount_cents INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE ledger_payments (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES ledger_customers(id), txn_date TEXT NOT NULL,
    total_cents INTEGER NOT NULL, unapplied_cents INTEGER NOT NULL, reference TEXT, row_hash TEXT NOT NULL);
CREATE TABLE ledger_payment_lines (
    id TEXT PRIMARY KEY, payment_id TEXT NOT NULL REFERENCES ledger_payments(id),
    invoice_id TEXT NOT NULL REFERENCES ledger_invoices(id), amount_cents INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE ledger_journal_entries (
    id TEXT PRIMARY KEY, txn_date TEXT NOT NULL, doc_number TEXT, memo TEXT,
    origin TEXT NOT NULL DEFAULT 'bundle', sync_token INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'active',
    row_hash TEXT NOT NULL);
CREATE TABLE ledger_journal_lines (
    id TEXT PRIMARY KEY, journal_entry_id TEXT NOT NULL REFERENCES ledger_journal_entries(id), line_no INTEGER NOT NULL,
    account_id TEXT NOT NULL REFERENCES ledger_accounts(id), posting_type TEXT NOT NULL, amount_cents INTEGER NOT NULL,
    customer_id TEXT REFERENCES ledger_customers(id), item TEXT, description TEXT, row_hash TEXT NOT NULL);
CREATE TABLE ledger_purchase_orders (
    id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES ledger_vendors(id), customer_id TEXT REFERENCES ledger_customers(id),
    doc_number TEXT, txn_date TEXT NOT NULL, total_cents INTEGER NOT NULL, status TEXT NOT NULL, row_hash TEXT NOT NULL);

-- Mappings the tenant maintains
CREATE TABLE map_cost_code_accounts (
    cost_code TEXT PRIMARY KEY REFERENCES project_cost_codes(code), account_id TEXT NOT NULL REFERENCES ledger_accounts(id),
    row_hash TEXT NOT NULL);
CREATE TABLE map_links (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, project_id TEXT NOT NULL, ledger_id TEXT NOT NULL, row_hash TEXT NOT NULL,
    UNIQUE (kind, project_id));

-- Workforce
CREATE TABLE workforce_employees (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, trade TEXT NOT NULL, work_state TEXT NOT NULL,
    base_rate_cents INTEGER NOT NULL, active INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE TABLE workforce_timecards (
    id TEXT PRIMARY KEY, employee_id TEXT NOT NULL REFERENCES workforce_employees(id), job_id TEXT REFERENCES project_jobs(id),
    clock_in TEXT NOT NULL, clock_out TEXT, rate_cents INTEGER, row_hash TEXT NOT NULL);
CREATE TABLE workforce_payroll_lines (
    id TEXT PRIMARY KEY, run_id TEXT NOT NULL, employee_id TEXT NOT NULL REFERENCES workforce_employees(id),
    week_start TEXT NOT NULL, regular_hours_e4 INTEGER NOT NULL, overtime_hours_e4 INTEGER NOT NULL,
    double_time_hours_e4 INTEGER NOT NULL, bonus_cents INTEGER NOT NULL, gross_pay_cents INTEGER NOT NULL,
    row_hash TEXT NOT NULL);

-- Pricebook
CREATE TABLE pricebook_items (
    id TEXT PRIMARY KEY, sku TEXT, description TEXT NOT NULL, category TEXT, unit TEXT NOT NULL,
    unit_cost_e4 INTEGER NOT NULL, sell_price_cents INTEGER, vendor_name TEXT, vendor_sku TEXT, row_hash TEXT NOT NULL);

-- People the back office writes to
CREATE TABLE contacts (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, company TEXT, email TEXT, phone TEXT, role TEXT,
    ledger_customer_id TEXT REFERENCES ledger_customers(id), ledger_vendor_id TEXT REFERENCES ledger_vendors(id),
    row_hash TEXT NOT NULL);

-- Files carried by the bundle (inbox documents, vendor price files), copied into the tenant folder.
CREATE TABLE bundle_files (
    kind TEXT NOT NULL, name TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes INTEGER NOT NULL, imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, name));

CREATE TABLE import_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, source TEXT NOT NULL, format TEXT NOT NULL,
    added INTEGER NOT NULL, changed INTEGER NOT NULL, removed INTEGER NOT NULL, unchanged INTEGER NOT NULL);
