-- Issue 14: schedule tasks read from Procore (GET /rest/v1.0/tasks?project_id=) land in the bundle's schedule table with
-- their origin, so a bundle import leaves them and a sync touches only its own rows. Procore's Task carries no crew
-- hours and no cost code: cost_code is DERIVED (the task's WBS or the start of its name equals one of the project's
-- cost codes) and lets earned value weight the task by that cost code's budget; NULL where nothing matched.
ALTER TABLE project_schedule_tasks ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
ALTER TABLE project_schedule_tasks ADD COLUMN source_id TEXT;
ALTER TABLE project_schedule_tasks ADD COLUMN source_updated_at TEXT;
ALTER TABLE project_schedule_tasks ADD COLUMN cost_code TEXT;
