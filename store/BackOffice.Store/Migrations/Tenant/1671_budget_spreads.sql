-- Issue 16: a job's time-phased budget (the performance measurement baseline spread by period) for earned value's PV:
-- each row plans amount_cents over period_start..period_end (inclusive), optionally on one cost code.
CREATE TABLE project_budget_spreads (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), cost_code TEXT REFERENCES project_cost_codes(code),
    period_start TEXT NOT NULL, period_end TEXT NOT NULL, amount_cents INTEGER NOT NULL, row_hash TEXT NOT NULL);
