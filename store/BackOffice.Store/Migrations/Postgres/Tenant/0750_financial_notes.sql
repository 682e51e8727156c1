-- Issue 18: the PostgreSQL twin of Tenant/0750_financial_notes.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE financial_notes (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    idempotency_key TEXT COLLATE "C",
    commitment_id TEXT COLLATE "C" NOT NULL,
    lacking_side TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    proposal_id BIGINT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key));
