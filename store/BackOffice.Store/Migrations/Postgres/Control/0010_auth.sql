-- Issue 18: the PostgreSQL twin of Control/0010_auth.sql. Secrets are never stored, only their hashes.
CREATE TABLE user_credentials (
    user_name TEXT PRIMARY KEY REFERENCES users(name),
    password_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users(name),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT);
CREATE TABLE setup_links (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT);
