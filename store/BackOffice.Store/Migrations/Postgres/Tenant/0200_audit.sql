-- Issue 18: the PostgreSQL twin of Tenant/0200_audit.sql. One table for all tenants: every row carries tenant_id,
-- filled from the transaction's tenant setting, and row-level security (enabled and forced, so the owner is bound
-- too) shows a transaction only its own tenant's rows. A missing setting is NULL and an empty one matches no tenant.
CREATE TABLE audit_events (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    seq BIGINT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    data_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq));
CREATE INDEX audit_events_subject ON audit_events(tenant_id, subject);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON audit_events
    USING (tenant_id = current_setting('backoffice.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('backoffice.tenant_id', true));
