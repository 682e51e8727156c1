-- Issue 18: the PostgreSQL twin of Tenant/0860_memory_learning.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE memory_learning (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    store TEXT COLLATE "C",
    learned_seq BIGINT NOT NULL,
    learned_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, store));
