-- Issue 16: the PostgreSQL twin of Tenant/1630_pay_basis.sql: integers are BIGINT (money in cents), text sorts by
-- code point (COLLATE "C", as SQLite's BINARY).
ALTER TABLE workforce_employees ADD COLUMN pay_basis TEXT COLLATE "C" NOT NULL DEFAULT 'hourly';
ALTER TABLE workforce_employees ADD COLUMN salary_cents BIGINT;
ALTER TABLE workforce_employees ADD COLUMN salary_period TEXT COLLATE "C";
ALTER TABLE workforce_employees ADD COLUMN salary_hours_e4 BIGINT;
ALTER TABLE workforce_payroll_lines ADD COLUMN bonus_kind TEXT COLLATE "C" NOT NULL DEFAULT 'nondiscretionary';
