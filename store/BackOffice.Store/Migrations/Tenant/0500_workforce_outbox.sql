-- Issue 7: the sandbox payroll outbox, the embedded default target of approved workforce proposals (payroll
-- adjustments, staffing alerts) until a payroll system connector exists. Like the sandbox ledger, a request id seen
-- before writes nothing; undo deletes the entry (the payroll has not run on it yet). Amounts are INTEGER cents.
CREATE TABLE workforce_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    employee_id TEXT, week_start TEXT, amount_cents INTEGER, payload_json TEXT NOT NULL, created_at TEXT NOT NULL);
