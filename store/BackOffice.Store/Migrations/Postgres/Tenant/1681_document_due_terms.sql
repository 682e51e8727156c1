-- Issue 16: the PostgreSQL twin of Tenant/1681_document_due_terms.sql: text sorts by code point (COLLATE "C", as SQLite's BINARY).
-- Indexes lead with tenant_id (row-level security adds the tenant to every query), as 1987's twin.
ALTER TABLE ledger_bills ADD COLUMN due_term_id TEXT COLLATE "C";
ALTER TABLE ledger_invoices ADD COLUMN due_term_id TEXT COLLATE "C";
CREATE INDEX IF NOT EXISTS ledger_bills_due_term ON ledger_bills(tenant_id, due_term_id);
CREATE INDEX IF NOT EXISTS ledger_invoices_due_term ON ledger_invoices(tenant_id, due_term_id);
