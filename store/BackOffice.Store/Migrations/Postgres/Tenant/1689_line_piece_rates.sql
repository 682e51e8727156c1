-- Issue 16: the PostgreSQL twin of Tenant/1689_line_piece_rates.sql: integers are BIGINT.
ALTER TABLE workforce_payroll_lines ADD COLUMN piece_rate_e4 BIGINT;
ALTER TABLE workforce_payroll_lines ADD COLUMN overtime_piece_rate_e4 BIGINT;
