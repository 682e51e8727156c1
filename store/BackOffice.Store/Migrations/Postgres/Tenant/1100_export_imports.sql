-- Issue 18: the PostgreSQL twin of Tenant/1100_export_imports.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by
-- row-level security (enabled, forced and the tenant_rows policy: PostgresMigrations applies them to every tenant table).
CREATE TABLE export_mappings (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    source TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    mapping_json TEXT COLLATE "C" NOT NULL,
    saved_at TEXT COLLATE "C" NOT NULL,
    saved_by TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, source, kind));
CREATE TABLE export_name_decisions (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    source TEXT COLLATE "C" NOT NULL,
    entity TEXT COLLATE "C" NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C",
    decided_at TEXT COLLATE "C" NOT NULL,
    decided_by TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, source, entity, name_key));
