-- Issue 16: the PostgreSQL twin of Tenant/1671_budget_spreads.sql: tenant_id leads every key, integers are BIGINT (money
-- in cents), foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by
-- code point (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE TABLE project_budget_spreads (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    job_id TEXT COLLATE "C" NOT NULL,
    cost_code TEXT COLLATE "C",
    period_start TEXT COLLATE "C" NOT NULL,
    period_end TEXT COLLATE "C" NOT NULL,
    amount_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    FOREIGN KEY (tenant_id, job_id) REFERENCES project_jobs(tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (tenant_id, cost_code) REFERENCES project_cost_codes(tenant_id, code) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (tenant_id, id));
