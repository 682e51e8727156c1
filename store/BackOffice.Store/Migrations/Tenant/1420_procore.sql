-- Issue 14: Procore. One connection per tenant and company; tokens are stored encrypted (Data Protection).
-- grant_type: authorization_code (a person signed in; a refresh token rotates) | client_credentials (a DMSA service
-- account; no refresh token, a new access token is asked for). status: connected | needs-reconnect | disconnected.
CREATE TABLE procore_connections (
    company_id TEXT PRIMARY KEY, company_name TEXT, grant_type TEXT NOT NULL, connected_by TEXT NOT NULL, connected_at TEXT NOT NULL,
    access_token TEXT NOT NULL, access_expires_at TEXT NOT NULL, refresh_token TEXT,
    status TEXT NOT NULL DEFAULT 'connected', last_sync_at TEXT, last_error TEXT);
-- Where a full sync stands: the next page per list (scope = resource and project), so an interrupted sync resumes.
CREATE TABLE procore_sync_cursors (
    scope TEXT PRIMARY KEY, next_page INTEGER NOT NULL, done INTEGER NOT NULL);
CREATE TABLE procore_sync_state (
    key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Provenance on the canonical project tables: where a row came from ('bundle', 'export', 'procore'), the source's own id,
-- and when the source last changed it. Rows of another origin are never touched by a Procore sync.
ALTER TABLE project_jobs ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_jobs ADD COLUMN source_id TEXT;
ALTER TABLE project_jobs ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_cost_codes ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_vendors ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_vendors ADD COLUMN source_id TEXT;
ALTER TABLE project_vendors ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_budget_lines ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_budget_lines ADD COLUMN source_id TEXT;
ALTER TABLE project_budget_lines ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_commitments ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_commitments ADD COLUMN source_id TEXT;
ALTER TABLE project_commitments ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_commitment_lines ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_change_orders ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_change_orders ADD COLUMN source_id TEXT;
ALTER TABLE project_change_orders ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_pay_apps ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_pay_apps ADD COLUMN source_id TEXT;
ALTER TABLE project_pay_apps ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_sub_invoices ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_sub_invoices ADD COLUMN source_id TEXT;
ALTER TABLE project_sub_invoices ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_sub_invoice_lines ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
