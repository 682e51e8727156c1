-- Issue 18: the PostgreSQL twin of Tenant/1420_procore.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE procore_connections (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    company_id TEXT COLLATE "C",
    company_name TEXT COLLATE "C",
    grant_type TEXT COLLATE "C" NOT NULL,
    connected_by TEXT COLLATE "C" NOT NULL,
    connected_at TEXT COLLATE "C" NOT NULL,
    access_token TEXT COLLATE "C" NOT NULL,
    access_expires_at TEXT COLLATE "C" NOT NULL,
    refresh_token TEXT COLLATE "C",
    status TEXT COLLATE "C" NOT NULL DEFAULT 'connected',
    last_sync_at TEXT COLLATE "C",
    last_error TEXT COLLATE "C",
    PRIMARY KEY (tenant_id, company_id));
CREATE TABLE procore_sync_cursors (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    scope TEXT COLLATE "C",
    next_page BIGINT NOT NULL,
    done BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, scope));
CREATE TABLE procore_sync_state (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    key TEXT COLLATE "C",
    value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, key));
ALTER TABLE project_jobs ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_jobs ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_jobs ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_cost_codes ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_vendors ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_vendors ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_vendors ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_budget_lines ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_budget_lines ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_budget_lines ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_commitments ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_commitments ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_commitments ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_commitment_lines ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_change_orders ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_change_orders ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_change_orders ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_pay_apps ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_pay_apps ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_pay_apps ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_sub_invoices ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_sub_invoices ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_sub_invoices ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_sub_invoice_lines ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
