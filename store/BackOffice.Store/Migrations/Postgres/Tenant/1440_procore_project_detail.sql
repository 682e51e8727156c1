-- Issue 18: the PostgreSQL twin of Tenant/1440_procore_project_detail.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
ALTER TABLE project_budget_lines ADD COLUMN cost_type TEXT COLLATE "C";
CREATE TABLE project_change_order_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    change_order_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C" NOT NULL,
    cost_type TEXT COLLATE "C",
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle',
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, change_order_id) REFERENCES project_change_orders(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX ix_project_change_order_lines_change_order ON project_change_order_lines(tenant_id, change_order_id);
ALTER TABLE project_pay_app_lines ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
CREATE TABLE project_direct_costs (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    cost_date TEXT COLLATE "C" NOT NULL,
    vendor_name TEXT COLLATE "C",
    invoice_number TEXT COLLATE "C",
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle',
    source_id TEXT COLLATE "C",
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE project_direct_cost_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    direct_cost_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C" NOT NULL,
    cost_type TEXT COLLATE "C",
    description TEXT COLLATE "C",
    amount_cents BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle',
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, direct_cost_id) REFERENCES project_direct_costs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX ix_project_direct_cost_lines_direct_cost ON project_direct_cost_lines(tenant_id, direct_cost_id);
