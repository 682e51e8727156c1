-- Issue 16: what an AIA G702/G703 needs beyond the pay app's totals. Materials presently stored per G703 line
-- (column F; the line's completed_to_date stays installed work, D + E), a line description, the contract's default
-- retainage percent on the job, and a pay application's own retainage percents (on work and on stored material)
-- overriding it. Percents are basis points like every other percent in the bundle; empty means "not stated".
ALTER TABLE project_pay_app_lines ADD COLUMN stored_materials_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE project_pay_app_lines ADD COLUMN description TEXT;
ALTER TABLE project_pay_apps ADD COLUMN retainage_bp INTEGER;
ALTER TABLE project_pay_apps ADD COLUMN stored_retainage_bp INTEGER;
ALTER TABLE project_jobs ADD COLUMN retainage_bp INTEGER;
