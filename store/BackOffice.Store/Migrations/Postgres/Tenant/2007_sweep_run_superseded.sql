-- Issue 18: the PostgreSQL twin of Tenant/2007_sweep_run_superseded.sql: a run of a clustered tick that another host
-- took over ends 'superseded' (its results discarded), so each tick has one succeeded run.
ALTER TABLE sweep_runs DROP CONSTRAINT sweep_runs_status_check;
ALTER TABLE sweep_runs ADD CONSTRAINT sweep_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed', 'superseded'));
