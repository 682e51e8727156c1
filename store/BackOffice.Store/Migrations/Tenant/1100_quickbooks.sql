-- Issue 13: QuickBooks Online. One connection per tenant and realm; tokens are stored encrypted (Data Protection).
-- status: connected | needs-reconnect | disconnected.
CREATE TABLE quickbooks_connections (
    realm_id TEXT PRIMARY KEY, company_name TEXT, connected_by TEXT NOT NULL, connected_at TEXT NOT NULL,
    access_token TEXT NOT NULL, access_expires_at TEXT NOT NULL, refresh_token TEXT NOT NULL, refresh_expires_at TEXT,
    status TEXT NOT NULL DEFAULT 'connected', last_sync_at TEXT, last_error TEXT);
-- Where a sync stands: a full sync's next STARTPOSITION per entity (resumes after a crash), and the CDC watermark.
CREATE TABLE quickbooks_sync_cursors (
    entity TEXT PRIMARY KEY, next_position INTEGER NOT NULL, done INTEGER NOT NULL);
CREATE TABLE quickbooks_sync_state (
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Provenance on the canonical ledger tables: where a row came from, the source's version and when it last changed.
ALTER TABLE ledger_accounts ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_accounts ADD COLUMN sync_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_accounts ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_customers ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_customers ADD COLUMN sync_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_customers ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_vendors ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_vendors ADD COLUMN sync_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_vendors ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_bills ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_invoices ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_invoices ADD COLUMN sync_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_invoices ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_payments ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_payments ADD COLUMN sync_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_payments ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_journal_entries ADD COLUMN source_updated_at TEXT;
ALTER TABLE ledger_purchase_orders ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_purchase_orders ADD COLUMN sync_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_purchase_orders ADD COLUMN source_updated_at TEXT;
