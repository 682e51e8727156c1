-- Issue 18: the PostgreSQL twin of Tenant/1310_quickbooks_line_indexes.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE INDEX IF NOT EXISTS ledger_bill_lines_bill ON ledger_bill_lines(tenant_id, bill_id);
CREATE INDEX IF NOT EXISTS ledger_invoice_lines_invoice ON ledger_invoice_lines(tenant_id, invoice_id);
CREATE INDEX IF NOT EXISTS ledger_payment_lines_payment ON ledger_payment_lines(tenant_id, payment_id);
CREATE INDEX IF NOT EXISTS ledger_journal_lines_entry ON ledger_journal_lines(tenant_id, journal_entry_id);
