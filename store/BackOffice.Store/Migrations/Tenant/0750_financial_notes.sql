-- Notes to mirror a change order on the side that lacks it (issue 3), written by the gate's executor when a person
-- approves the Financial agent's proposal. Keyed by the proposal's idempotency key, so executing twice writes once;
-- undo deletes the row. lacking_side is 'ledger' (the PO lacks an approved CO) or 'project' (the PO carries a CO the
-- project side has not approved).
CREATE TABLE financial_notes (
    idempotency_key TEXT PRIMARY KEY, commitment_id TEXT NOT NULL, lacking_side TEXT NOT NULL, text TEXT NOT NULL,
    proposal_id INTEGER NOT NULL, created_at TEXT NOT NULL);
