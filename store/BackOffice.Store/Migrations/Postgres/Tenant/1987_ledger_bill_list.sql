-- Issue 17: the PostgreSQL twin of Tenant/1987_ledger_bill_list.sql: the ledger-bills list's date and amount orders and
-- the job filter as indexes, tenant_id first (row-level security adds the tenant to every query).
CREATE INDEX IF NOT EXISTS ledger_bills_by_date ON ledger_bills(tenant_id, status, txn_date, id);
CREATE INDEX IF NOT EXISTS ledger_bills_by_total ON ledger_bills(tenant_id, status, total_cents, id);
CREATE INDEX IF NOT EXISTS ledger_bill_lines_customer ON ledger_bill_lines(tenant_id, customer_id, bill_id);
