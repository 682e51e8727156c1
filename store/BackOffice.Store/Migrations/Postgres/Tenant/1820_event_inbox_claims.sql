-- Issue 18: the PostgreSQL twin of Tenant/1820_event_inbox_claims.sql; claims skip rows another host is claiming
-- (FOR UPDATE SKIP LOCKED).
ALTER TABLE event_inbox ADD COLUMN claim_until TEXT;
