-- Issue 18: the PostgreSQL twin of Tenant/1620_wip_periods.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE wip_periods (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    period TEXT COLLATE "C",
    as_of TEXT COLLATE "C" NOT NULL,
    closed_by TEXT COLLATE "C" NOT NULL,
    closed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, period));
CREATE TABLE wip_period_jobs (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    period TEXT COLLATE "C" NOT NULL,
    job_id TEXT COLLATE "C" NOT NULL,
    contract_cents BIGINT NOT NULL,
    estimated_cost_cents BIGINT NOT NULL,
    cost_to_date_cents BIGINT NOT NULL,
    percent_bp BIGINT NOT NULL,
    earned_cents BIGINT NOT NULL,
    billed_cents BIGINT NOT NULL,
    gross_profit_cents BIGINT NOT NULL,
    loss_provision_cents BIGINT NOT NULL,
    FOREIGN KEY (tenant_id, period) REFERENCES wip_periods(tenant_id, period) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (tenant_id, period, job_id));
