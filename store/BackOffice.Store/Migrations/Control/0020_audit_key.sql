-- Issue 19: the fingerprint of the key the audit chains are keyed with (the key itself stays outside the databases),
-- so a missing key file is a clear error rather than a new key that no chain verifies with; and a MAC on each anchor,
-- so the recorded head of a chain cannot be moved back by someone holding only this file.
CREATE TABLE audit_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL);
ALTER TABLE audit_anchors ADD COLUMN mac TEXT;
