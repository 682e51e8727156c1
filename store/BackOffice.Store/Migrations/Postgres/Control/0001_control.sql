-- Issue 18: the PostgreSQL twin of Control/0001_control.sql, in the schema "control". Control rows are not a
-- tenant's: the application reads them all, so these tables carry no tenant_id and no row-level policy.
CREATE TABLE tenants (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL);
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'approver', 'lead', 'admin')),
    department TEXT,
    tenant TEXT REFERENCES tenants(name),
    created_at TEXT NOT NULL);
CREATE TABLE audit_anchors (
    tenant TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    updated_at TEXT NOT NULL);
