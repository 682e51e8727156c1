-- Issue 19 on PostgreSQL (issue 18): the twin of Control/0020_audit_key.sql. The key itself stays outside the
-- database, as on SQLite; each anchor carries a MAC under it, so the recorded head of a chain cannot be moved back by
-- someone holding only the database. audit_key is kept for parity of the schema (the SQLite engine records the key's
-- fingerprint there; a PostgreSQL installation is keyed from its first event, so nothing is keyed after the fact).
CREATE TABLE audit_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL);
ALTER TABLE audit_anchors ADD COLUMN mac TEXT;
