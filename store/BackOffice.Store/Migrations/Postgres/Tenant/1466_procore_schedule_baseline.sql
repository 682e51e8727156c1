-- Issue 14: the PostgreSQL twin of Tenant/1466_procore_schedule_baseline.sql (a Procore task's baseline dates).
ALTER TABLE project_schedule_tasks ADD COLUMN baseline_start TEXT COLLATE "C";
ALTER TABLE project_schedule_tasks ADD COLUMN baseline_end TEXT COLLATE "C";
