-- Issue 9: credentials for the console and the API. Secrets are never stored, only their hashes:
-- passwords as PBKDF2-SHA256 (salted, iterated), API tokens and setup links as SHA-256 (they are long random values).
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
-- The one-time link `serve` prints on a fresh install to set the first admin.
CREATE TABLE setup_links (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT);
