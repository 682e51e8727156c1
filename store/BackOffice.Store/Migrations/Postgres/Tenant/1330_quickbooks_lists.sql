-- Issue 18: the PostgreSQL twin of Tenant/1330_quickbooks_lists.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE TABLE ledger_items (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    fully_qualified_name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C",
    active BIGINT NOT NULL DEFAULT 1,
    income_account_id TEXT COLLATE "C",
    expense_account_id TEXT COLLATE "C",
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'quickbooks',
    sync_token BIGINT NOT NULL DEFAULT 0,
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_classes (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    fully_qualified_name TEXT COLLATE "C" NOT NULL,
    parent_id TEXT COLLATE "C",
    active BIGINT NOT NULL DEFAULT 1,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'quickbooks',
    sync_token BIGINT NOT NULL DEFAULT 0,
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_terms (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C",
    due_days BIGINT,
    day_of_month_due BIGINT,
    due_next_month_days BIGINT,
    active BIGINT NOT NULL DEFAULT 1,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'quickbooks',
    sync_token BIGINT NOT NULL DEFAULT 0,
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
