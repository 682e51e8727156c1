-- Issue 14: a Procore schedule task's baseline dates (the Task model's baseline_start / baseline_finish), so earned
-- value plans against the baseline where the schedule has one and the schedule variance report can show each task's
-- slip from it. NULL for a task without a baseline and for the bundle's tasks.
ALTER TABLE project_schedule_tasks ADD COLUMN baseline_start TEXT;
ALTER TABLE project_schedule_tasks ADD COLUMN baseline_end TEXT;
