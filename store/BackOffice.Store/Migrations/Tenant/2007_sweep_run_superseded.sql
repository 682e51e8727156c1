-- Issue 18: a run of a clustered tick that another host took over (Quartz recovered the tick while this host was cut
-- off from the cluster and still sweeping) ends 'superseded': its results were discarded, not recorded, so each tick
-- has one succeeded run. SQLite cannot change a CHECK in place, so the table is rebuilt with the same columns, ids
-- (the AUTOINCREMENT sequence follows the rename) and indexes.
CREATE TABLE sweep_runs_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent TEXT NOT NULL,
    as_of TEXT NOT NULL,
    trigger TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'superseded')),
    findings INTEGER,
    proposals_created INTEGER,
    error TEXT,
    next_retry_at TEXT,
    tick TEXT);
INSERT INTO sweep_runs_rebuilt (id, agent, as_of, trigger, attempt, started_at, finished_at, status, findings, proposals_created, error, next_retry_at, tick)
SELECT id, agent, as_of, trigger, attempt, started_at, finished_at, status, findings, proposals_created, error, next_retry_at, tick FROM sweep_runs;
DROP TABLE sweep_runs;
ALTER TABLE sweep_runs_rebuilt RENAME TO sweep_runs;
CREATE INDEX sweep_runs_agent ON sweep_runs(agent, started_at);
CREATE INDEX sweep_runs_tick ON sweep_runs(agent, tick);
