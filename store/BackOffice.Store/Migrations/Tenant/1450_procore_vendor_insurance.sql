-- Issue 14: vendors' insurance policies as Procore's Company Directory keeps them (GET
-- /rest/v1.0/companies/{company_id}/vendors/{vendor_id}/insurances; Insurance model of the OpenAPI-generated SDK). The
-- expiration date feeds the Documents agent's insurance checks beside the certificates it reads from the inbox.
-- status is Procore's own word (compliant, expired, non_compliant, ...); exempt vendors are not checked.
CREATE TABLE project_vendor_insurances (
    id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL REFERENCES project_vendors(id), insurance_type TEXT, policy_number TEXT,
    provider TEXT, limit_cents INTEGER, effective_date TEXT, expiration_date TEXT, status TEXT, exempt INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'bundle', source_id TEXT, source_updated_at TEXT, row_hash TEXT NOT NULL);
CREATE INDEX ix_project_vendor_insurances_vendor ON project_vendor_insurances (vendor_id);
