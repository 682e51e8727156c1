-- The control database: who the tenants are, who may act, and the anchors of each tenant's audit chain.
CREATE TABLE tenants (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL);
-- tenant NULL: the user acts in every tenant (an install's own staff); otherwise only in that tenant.
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'approver', 'lead', 'admin')),
    department TEXT,
    tenant TEXT REFERENCES tenants(name),
    created_at TEXT NOT NULL);
-- Last known head of each tenant chain, so removing events from the end of a chain is detectable.
CREATE TABLE audit_anchors (
    tenant TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    updated_at TEXT NOT NULL);
