-- Issue 19: API tokens expire. expires_at is fixed when the token is issued (Auth:ApiTokenDays, at most
-- Auth:ApiTokenMaxDays); a token issued before this column existed expires Auth:ApiTokenMaxDays after created_at.
-- expired_used_at records the first request made with the token after it expired (that request is audited once).
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN expired_used_at TEXT;
