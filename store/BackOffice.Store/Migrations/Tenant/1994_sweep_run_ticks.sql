-- Issue 18: the clustered scheduler's tick a run was started for (Quartz's trigger and scheduled second, the lease
-- holder of ClusterTick); NULL for runs of the CLI, serve's own loops and events. A host that recovers a dead host's
-- tick skips it when a run of that tick already succeeded (the dead host finished it but not Quartz's bookkeeping), so
-- each tick's sweep or sync succeeds exactly once, and the runs can be counted per tick.
ALTER TABLE sweep_runs ADD COLUMN tick TEXT;
CREATE INDEX sweep_runs_tick ON sweep_runs(agent, tick);
