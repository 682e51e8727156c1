-- Issue 16: the PostgreSQL twin of Tenant/1674_piece_guarantee.sql: money in BIGINT cents.
ALTER TABLE workforce_employees ADD COLUMN piece_guarantee_cents BIGINT;
