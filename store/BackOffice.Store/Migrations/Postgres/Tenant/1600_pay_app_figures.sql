-- Issue 18: the PostgreSQL twin of Tenant/1600_pay_app_figures.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
ALTER TABLE project_pay_app_lines ADD COLUMN stored_materials_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE project_pay_app_lines ADD COLUMN description TEXT COLLATE "C";
ALTER TABLE project_pay_apps ADD COLUMN retainage_bp BIGINT;
ALTER TABLE project_pay_apps ADD COLUMN stored_retainage_bp BIGINT;
ALTER TABLE project_jobs ADD COLUMN retainage_bp BIGINT;
