-- Issue 18: the PostgreSQL twin of Tenant/0100_bundle.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE TABLE project_jobs (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    number TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    customer_name TEXT COLLATE "C",
    contract_cents BIGINT,
    start_date TEXT COLLATE "C",
    substantial_completion_date TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE project_cost_codes (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    code TEXT COLLATE "C",
    description TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, code));
CREATE TABLE project_vendors (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    trade TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE project_budget_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C" NOT NULL,
    original_cents BIGINT NOT NULL,
    approved_changes_cents BIGINT NOT NULL,
    pm_estimate_at_completion_cents BIGINT,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_commitments (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    vendor_id TEXT COLLATE "C" NOT NULL,
    number TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    kind TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    retainage_bp BIGINT NOT NULL,
    contract_date TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES project_vendors(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_commitment_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    commitment_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, commitment_id) REFERENCES project_commitments(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_change_orders (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    commitment_id TEXT COLLATE "C",
    number TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL,
    amount_cents BIGINT NOT NULL,
    cost_code TEXT COLLATE "C",
    approved_date TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, commitment_id) REFERENCES project_commitments(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_pay_apps (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    number TEXT COLLATE "C" NOT NULL,
    period_end TEXT COLLATE "C" NOT NULL,
    work_completed_to_date_cents BIGINT NOT NULL,
    stored_materials_cents BIGINT NOT NULL,
    retainage_held_to_date_cents BIGINT NOT NULL,
    amount_due_cents BIGINT NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_pay_app_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    pay_app_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C" NOT NULL,
    scheduled_value_cents BIGINT NOT NULL,
    completed_to_date_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, pay_app_id) REFERENCES project_pay_apps(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_sub_invoices (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    commitment_id TEXT COLLATE "C" NOT NULL,
    number TEXT COLLATE "C" NOT NULL,
    invoice_date TEXT COLLATE "C" NOT NULL,
    period_end TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    retainage_cents BIGINT NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, commitment_id) REFERENCES project_commitments(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_sub_invoice_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    sub_invoice_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, sub_invoice_id) REFERENCES project_sub_invoices(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_schedule_tasks (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    trade TEXT COLLATE "C" NOT NULL,
    start_date TEXT COLLATE "C" NOT NULL,
    end_date TEXT COLLATE "C" NOT NULL,
    crew_hours_e4 BIGINT NOT NULL,
    percent_complete_bp BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_accounts (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    number TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    active BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_customers (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    parent_id TEXT COLLATE "C",
    fully_qualified_name TEXT COLLATE "C" NOT NULL,
    is_project BIGINT NOT NULL,
    active BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_vendors (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    active BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_bills (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    vendor_id TEXT COLLATE "C" NOT NULL,
    doc_number TEXT COLLATE "C",
    txn_date TEXT COLLATE "C" NOT NULL,
    due_date TEXT COLLATE "C",
    total_cents BIGINT NOT NULL,
    memo TEXT COLLATE "C",
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle',
    sync_token BIGINT NOT NULL DEFAULT 0,
    status TEXT COLLATE "C" NOT NULL DEFAULT 'active',
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES ledger_vendors(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_bill_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    bill_id TEXT COLLATE "C" NOT NULL,
    line_no BIGINT NOT NULL,
    account_id TEXT COLLATE "C" NOT NULL,
    customer_id TEXT COLLATE "C",
    item TEXT COLLATE "C",
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    billable TEXT COLLATE "C" NOT NULL DEFAULT 'NotBillable',
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, bill_id) REFERENCES ledger_bills(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, account_id) REFERENCES ledger_accounts(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, customer_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_invoices (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    customer_id TEXT COLLATE "C" NOT NULL,
    doc_number TEXT COLLATE "C",
    txn_date TEXT COLLATE "C" NOT NULL,
    due_date TEXT COLLATE "C" NOT NULL,
    total_cents BIGINT NOT NULL,
    retainage_cents BIGINT NOT NULL DEFAULT 0,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_invoice_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    invoice_id TEXT COLLATE "C" NOT NULL,
    line_no BIGINT NOT NULL,
    item TEXT COLLATE "C",
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES ledger_invoices(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_payments (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    customer_id TEXT COLLATE "C" NOT NULL,
    txn_date TEXT COLLATE "C" NOT NULL,
    total_cents BIGINT NOT NULL,
    unapplied_cents BIGINT NOT NULL,
    reference TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_payment_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    payment_id TEXT COLLATE "C" NOT NULL,
    invoice_id TEXT COLLATE "C" NOT NULL,
    amount_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES ledger_payments(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES ledger_invoices(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_journal_entries (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    txn_date TEXT COLLATE "C" NOT NULL,
    doc_number TEXT COLLATE "C",
    memo TEXT COLLATE "C",
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle',
    sync_token BIGINT NOT NULL DEFAULT 0,
    status TEXT COLLATE "C" NOT NULL DEFAULT 'active',
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_journal_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    journal_entry_id TEXT COLLATE "C" NOT NULL,
    line_no BIGINT NOT NULL,
    account_id TEXT COLLATE "C" NOT NULL,
    posting_type TEXT COLLATE "C" NOT NULL,
    amount_cents BIGINT NOT NULL,
    customer_id TEXT COLLATE "C",
    item TEXT COLLATE "C",
    description TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, journal_entry_id) REFERENCES ledger_journal_entries(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, account_id) REFERENCES ledger_accounts(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, customer_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE ledger_purchase_orders (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    vendor_id TEXT COLLATE "C" NOT NULL,
    customer_id TEXT COLLATE "C",
    doc_number TEXT COLLATE "C",
    txn_date TEXT COLLATE "C" NOT NULL,
    total_cents BIGINT NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES ledger_vendors(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, customer_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE map_cost_code_accounts (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    cost_code TEXT COLLATE "C",
    account_id TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, cost_code),
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, account_id) REFERENCES ledger_accounts(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE map_links (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    kind TEXT COLLATE "C" NOT NULL,
    project_id TEXT COLLATE "C" NOT NULL,
    ledger_id TEXT COLLATE "C" NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, kind, project_id));
CREATE TABLE workforce_employees (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    trade TEXT COLLATE "C" NOT NULL,
    work_state TEXT COLLATE "C" NOT NULL,
    base_rate_cents BIGINT NOT NULL,
    active BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE workforce_timecards (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    employee_id TEXT COLLATE "C" NOT NULL,
    job_id TEXT COLLATE "C",
    clock_in TEXT COLLATE "C" NOT NULL,
    clock_out TEXT COLLATE "C",
    rate_cents BIGINT,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES workforce_employees(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE workforce_payroll_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    run_id TEXT COLLATE "C" NOT NULL,
    employee_id TEXT COLLATE "C" NOT NULL,
    week_start TEXT COLLATE "C" NOT NULL,
    regular_hours_e4 BIGINT NOT NULL,
    overtime_hours_e4 BIGINT NOT NULL,
    double_time_hours_e4 BIGINT NOT NULL,
    bonus_cents BIGINT NOT NULL,
    gross_pay_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES workforce_employees(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE pricebook_items (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    sku TEXT COLLATE "C",
    description TEXT COLLATE "C" NOT NULL,
    category TEXT COLLATE "C",
    unit TEXT COLLATE "C" NOT NULL,
    unit_cost_e4 BIGINT NOT NULL,
    sell_price_cents BIGINT,
    vendor_name TEXT COLLATE "C",
    vendor_sku TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE contacts (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    company TEXT COLLATE "C",
    email TEXT COLLATE "C",
    phone TEXT COLLATE "C",
    role TEXT COLLATE "C",
    ledger_customer_id TEXT COLLATE "C",
    ledger_vendor_id TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, ledger_customer_id) REFERENCES ledger_customers(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, ledger_vendor_id) REFERENCES ledger_vendors(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE bundle_files (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    kind TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    sha256 TEXT COLLATE "C" NOT NULL,
    size_bytes BIGINT NOT NULL,
    imported_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, kind, name));
CREATE TABLE import_runs (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    started_at TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C" NOT NULL,
    format TEXT COLLATE "C" NOT NULL,
    added BIGINT NOT NULL,
    changed BIGINT NOT NULL,
    removed BIGINT NOT NULL,
    unchanged BIGINT NOT NULL);
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['project_jobs', 'project_cost_codes', 'project_vendors', 'project_budget_lines', 'project_commitments', 'project_commitment_lines', 'project_change_orders', 'project_pay_apps', 'project_pay_app_lines', 'project_sub_invoices', 'project_sub_invoice_lines', 'project_schedule_tasks', 'ledger_accounts', 'ledger_customers', 'ledger_vendors', 'ledger_bills', 'ledger_bill_lines', 'ledger_invoices', 'ledger_invoice_lines', 'ledger_payments', 'ledger_payment_lines', 'ledger_journal_entries', 'ledger_journal_lines', 'ledger_purchase_orders', 'map_cost_code_accounts', 'map_links', 'workforce_employees', 'workforce_timecards', 'workforce_payroll_lines', 'pricebook_items', 'contacts', 'bundle_files', 'import_runs'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_rows ON %I
            USING (tenant_id = current_setting('backoffice.tenant_id', true))
            WITH CHECK (tenant_id = current_setting('backoffice.tenant_id', true))$p$, t);
    END LOOP;
END $$;
