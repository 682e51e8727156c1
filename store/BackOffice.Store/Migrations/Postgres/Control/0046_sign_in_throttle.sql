-- Issue 19 on PostgreSQL (issue 18): the twin of Control/0046_sign_in_throttle.sql, the sign-in throttle's state
-- shared by every host.
CREATE TABLE sign_in_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    locked_until TEXT NOT NULL,
    updated_at TEXT NOT NULL);
