-- Issue 16: the PostgreSQL twin of Tenant/1688_rest_period_pay.sql: integers are BIGINT (money in cents).
ALTER TABLE workforce_payroll_lines ADD COLUMN rest_hours_e4 BIGINT;
ALTER TABLE workforce_payroll_lines ADD COLUMN minimum_wage_cents BIGINT;
