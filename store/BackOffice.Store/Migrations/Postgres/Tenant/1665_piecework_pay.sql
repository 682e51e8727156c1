-- Issue 16: the PostgreSQL twin of Tenant/1663_piecework_pay.sql: integers are BIGINT (money in cents).
ALTER TABLE workforce_employees ADD COLUMN day_rate_cents BIGINT;
ALTER TABLE workforce_payroll_lines ADD COLUMN days_e4 BIGINT;
ALTER TABLE workforce_payroll_lines ADD COLUMN piece_earnings_cents BIGINT;
