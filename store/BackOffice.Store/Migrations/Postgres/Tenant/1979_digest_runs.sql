-- Issue 17: the PostgreSQL twin of Tenant/1979_digest_runs.sql: tenant_id leads every key, integers are BIGINT, text
-- sorts by code point (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security (enabled, forced
-- and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE digest_runs (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id BIGINT CHECK (id = 1),
    sent_on TEXT COLLATE "C" NOT NULL,
    sent_at TEXT COLLATE "C" NOT NULL,
    messages BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id));
