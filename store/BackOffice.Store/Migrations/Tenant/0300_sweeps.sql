-- What agents found, and when they swept. Findings are keyed so a re-sweep updates instead of duplicating.
CREATE TABLE findings (
    key TEXT PRIMARY KEY,
    agent TEXT NOT NULL,
    check_name TEXT NOT NULL,
    severity TEXT NOT NULL,
    title TEXT NOT NULL,
    figures_json TEXT NOT NULL,
    narrative TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    resolved_at TEXT);
CREATE INDEX findings_agent ON findings(agent, resolved_at);

CREATE TABLE sweep_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent TEXT NOT NULL,
    as_of TEXT NOT NULL,
    trigger TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    findings INTEGER,
    proposals_created INTEGER,
    error TEXT,
    next_retry_at TEXT);
CREATE INDEX sweep_runs_agent ON sweep_runs(agent, started_at);

-- One sweep per (tenant, agent) at a time, across processes and hosts (DESIGN.md section 6).
CREATE TABLE sweep_leases (
    agent TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TEXT NOT NULL);
