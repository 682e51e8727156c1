-- Issue 18: the PostgreSQL twin of Tenant/0220_sandbox.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE sandbox_requests (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    request_id TEXT COLLATE "C",
    operation TEXT COLLATE "C" NOT NULL,
    entity_type TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL,
    response_json TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, request_id));
CREATE TABLE sandbox_sequences (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    entity_type TEXT COLLATE "C",
    last_value BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, entity_type));
