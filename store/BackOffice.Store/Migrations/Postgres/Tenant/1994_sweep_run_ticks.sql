-- Issue 18: the PostgreSQL twin of Tenant/1994_sweep_run_ticks.sql: the clustered scheduler's tick a run was started
-- for (NULL when no Quartz tick started it), so a recovered tick that already succeeded is not run again.
ALTER TABLE sweep_runs ADD COLUMN tick TEXT COLLATE "C";
CREATE INDEX sweep_runs_tick ON sweep_runs(tenant_id, agent, tick);
