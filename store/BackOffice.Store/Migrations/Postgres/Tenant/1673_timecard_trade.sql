-- Issue 16: the PostgreSQL twin of Tenant/1673_timecard_trade.sql.
ALTER TABLE workforce_timecards ADD COLUMN trade TEXT;
