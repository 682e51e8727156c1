-- The gate (DESIGN.md rules 2-4). Times are TEXT "yyyy-MM-ddTHH:mm:ss.fffZ" (fixed width, so they compare as text).
-- version increases with every change, so an edit and a decision can never both apply to the same snapshot.
CREATE TABLE proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent TEXT NOT NULL,
    action_kind TEXT NOT NULL,
    title TEXT NOT NULL,
    risk TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload_json TEXT NOT NULL,
    figures_json TEXT NOT NULL,
    narrative TEXT NOT NULL,
    editable_fields_json TEXT NOT NULL,
    reversible INTEGER NOT NULL,
    irreversible_reason TEXT,
    finding_key TEXT,
    state TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    proposed_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    decision_reason TEXT,
    edited_by TEXT,
    edited_at TEXT,
    executed_by TEXT,
    lease_until TEXT,
    undo_by TEXT,
    undo_lease_until TEXT,
    target_id TEXT,
    result_json TEXT,
    error TEXT,
    version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX proposals_state ON proposals(state, agent);
CREATE INDEX proposals_finding ON proposals(finding_key, state);

-- One row per proposal: the prior state is captured once, with the first intent, and kept across retries so that a
-- retry after a partial write cannot mistake our own write for the state before it.
CREATE TABLE proposal_executions (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id),
    idempotency_key TEXT NOT NULL,
    prior_state_json TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_by TEXT NOT NULL,
    completed_at TEXT,
    outcome_json TEXT,
    undone_at TEXT,
    undone_by TEXT);

-- Switches are off by default: an absent row means off (master) or writes off and advisory mode (agent).
CREATE TABLE gate_settings (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE agent_settings (
    agent TEXT PRIMARY KEY, writes_enabled INTEGER NOT NULL DEFAULT 0, mode TEXT NOT NULL DEFAULT 'advisory',
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL);
