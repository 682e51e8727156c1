-- Issue 18: the PostgreSQL twin of Tenant/0700_financial_links.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE TABLE financial_links (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    kind TEXT COLLATE "C" NOT NULL,
    project_id TEXT COLLATE "C" NOT NULL,
    ledger_id TEXT COLLATE "C" NOT NULL,
    proposal_id BIGINT NOT NULL,
    confirmed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, kind, project_id));
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['financial_links'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_rows ON %I
            USING (tenant_id = current_setting('backoffice.tenant_id', true))
            WITH CHECK (tenant_id = current_setting('backoffice.tenant_id', true))$p$, t);
    END LOOP;
END $$;
