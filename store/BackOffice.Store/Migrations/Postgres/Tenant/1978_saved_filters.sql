-- Issue 17: the PostgreSQL twin of Tenant/1978_saved_filters.sql: tenant_id leads every key, integers are BIGINT,
-- text sorts by code point (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security (enabled,
-- forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE saved_filters (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    user_name TEXT COLLATE "C" NOT NULL,
    list TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    query TEXT COLLATE "C" NOT NULL,
    is_default BIGINT NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    saved_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, user_name, list, name));
