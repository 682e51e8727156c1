-- Issue 19 on PostgreSQL (issue 18): the twin of Control/0043_token_expiry.sql, API tokens that expire and the first
-- request made with one after it expired.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN expired_used_at TEXT;
