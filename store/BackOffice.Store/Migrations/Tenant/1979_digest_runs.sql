-- Issue 17: the day (in the tenant's time zone) the approvers' daily digest was last queued, so `serve` sends it once
-- a day even across restarts and hosts.
CREATE TABLE digest_runs (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sent_on TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    messages INTEGER NOT NULL);
