-- Issue 18: the PostgreSQL twin of Tenant/1300_quickbooks.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE quickbooks_connections (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    realm_id TEXT COLLATE "C",
    company_name TEXT COLLATE "C",
    connected_by TEXT COLLATE "C" NOT NULL,
    connected_at TEXT COLLATE "C" NOT NULL,
    access_token TEXT COLLATE "C" NOT NULL,
    access_expires_at TEXT COLLATE "C" NOT NULL,
    refresh_token TEXT COLLATE "C" NOT NULL,
    refresh_expires_at TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL DEFAULT 'connected',
    last_sync_at TEXT COLLATE "C",
    last_error TEXT COLLATE "C",
    PRIMARY KEY (tenant_id, realm_id));
CREATE TABLE quickbooks_sync_cursors (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    entity TEXT COLLATE "C",
    next_position BIGINT NOT NULL,
    done BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, entity));
CREATE TABLE quickbooks_sync_state (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    key TEXT COLLATE "C",
    value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, key));
ALTER TABLE ledger_accounts ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_accounts ADD COLUMN sync_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_accounts ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_customers ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_customers ADD COLUMN sync_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_customers ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_vendors ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_vendors ADD COLUMN sync_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_vendors ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_bills ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_invoices ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_invoices ADD COLUMN sync_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_invoices ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_payments ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_payments ADD COLUMN sync_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_payments ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_journal_entries ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE ledger_purchase_orders ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE ledger_purchase_orders ADD COLUMN sync_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger_purchase_orders ADD COLUMN source_updated_at TEXT COLLATE "C";
