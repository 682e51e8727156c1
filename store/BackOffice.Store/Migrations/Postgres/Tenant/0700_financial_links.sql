-- Issue 18: the PostgreSQL twin of Tenant/0700_financial_links.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE financial_links (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    kind TEXT COLLATE "C" NOT NULL,
    project_id TEXT COLLATE "C" NOT NULL,
    ledger_id TEXT COLLATE "C" NOT NULL,
    proposal_id BIGINT NOT NULL,
    confirmed_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, kind, project_id));
