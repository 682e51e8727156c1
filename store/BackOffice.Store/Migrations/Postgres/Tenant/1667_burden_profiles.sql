-- Issue 16: the PostgreSQL twin of Tenant/1667_burden_profiles.sql: integers are BIGINT (money in cents), text sorts by
-- code point (COLLATE "C", as SQLite's BINARY), rows belong to the tenant of the session.
CREATE TABLE workforce_burden_profiles (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    trade TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    basis TEXT COLLATE "C" NOT NULL,
    rate_e4 BIGINT NOT NULL,
    wage_base_cents BIGINT,
    on_overtime_premium BIGINT,
    class_code TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
