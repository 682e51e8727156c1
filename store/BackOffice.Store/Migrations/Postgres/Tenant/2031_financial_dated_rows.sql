-- Issue 18: the PostgreSQL twin of Tenant/2031_financial_dated_rows.sql: the date ranges Financial reads at a new as-of
-- date as indexes, tenant_id first (row-level security adds the tenant to every query).
CREATE INDEX IF NOT EXISTS ledger_journal_entries_by_date ON ledger_journal_entries(tenant_id, status, txn_date, id);
CREATE INDEX IF NOT EXISTS ledger_invoices_by_date ON ledger_invoices(tenant_id, txn_date, customer_id);
CREATE INDEX IF NOT EXISTS project_change_orders_by_approved ON project_change_orders(tenant_id, approved_date, job_id);
CREATE INDEX IF NOT EXISTS project_pay_apps_by_period_end ON project_pay_apps(tenant_id, period_end, job_id);
CREATE INDEX IF NOT EXISTS workforce_timecards_by_clock_in ON workforce_timecards(tenant_id, clock_in, job_id);
