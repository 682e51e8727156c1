-- Issue 18: the PostgreSQL twin of Tenant/0800_kernel.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE memory_items (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    kind TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C" NOT NULL,
    learned_at TEXT COLLATE "C" NOT NULL,
    vector BYTEA NOT NULL,
    PRIMARY KEY (tenant_id, kind, key));
CREATE TABLE narration_cache (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    facts_hash TEXT COLLATE "C",
    subject_key TEXT COLLATE "C" NOT NULL,
    narrative TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C" NOT NULL,
    prompt_hash TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, facts_hash));
