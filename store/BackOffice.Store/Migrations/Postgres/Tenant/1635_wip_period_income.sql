-- Issue 16: the PostgreSQL twin of Tenant/1635_wip_period_income.sql: integers are BIGINT (money in cents).
ALTER TABLE wip_periods ADD COLUMN period_gross_profit_cents BIGINT;
ALTER TABLE wip_periods ADD COLUMN sga_cents BIGINT;
ALTER TABLE wip_periods ADD COLUMN net_income_cents BIGINT;
