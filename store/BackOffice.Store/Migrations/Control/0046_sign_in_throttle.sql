-- Issue 19: the sign-in throttle's state in the control database, so a restart or a second host does not reset it.
-- One row per key ("user:NAME" or "addr:ADDRESS"): failures counted and the time the key is locked until (UTC, "O"
-- format, fixed width, so text order is time order). Rows not touched for a day are pruned by the next failure.
CREATE TABLE sign_in_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until TEXT NOT NULL,
    updated_at TEXT NOT NULL);
