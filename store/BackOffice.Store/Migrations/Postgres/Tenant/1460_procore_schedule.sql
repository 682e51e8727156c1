-- Issue 14: the PostgreSQL twin of Tenant/1460_procore_schedule.sql (Procore schedule tasks with their origin and the
-- DERIVED cost code earned value weights them by).
ALTER TABLE project_schedule_tasks ADD COLUMN origin TEXT COLLATE "C" NOT NULL DEFAULT 'bundle';
ALTER TABLE project_schedule_tasks ADD COLUMN source_id TEXT COLLATE "C";
ALTER TABLE project_schedule_tasks ADD COLUMN source_updated_at TEXT COLLATE "C";
ALTER TABLE project_schedule_tasks ADD COLUMN cost_code TEXT COLLATE "C";
