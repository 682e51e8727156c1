-- Issue 18: the PostgreSQL twin of Tenant/1450_procore_vendor_insurance.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE TABLE project_vendor_insurances (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    vendor_id TEXT COLLATE "C" NOT NULL,
    insurance_type TEXT COLLATE "C",
    policy_number TEXT COLLATE "C",
    provider TEXT COLLATE "C",
    limit_cents BIGINT,
    effective_date TEXT COLLATE "C",
    expiration_date TEXT COLLATE "C",
    status TEXT COLLATE "C",
    exempt BIGINT NOT NULL DEFAULT 0,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle',
    source_id TEXT COLLATE "C",
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, vendor_id) REFERENCES project_vendors(tenant_id, id) DEFERRABLE INITIALLY DEFERRED);
CREATE INDEX ix_project_vendor_insurances_vendor ON project_vendor_insurances(tenant_id, vendor_id);
