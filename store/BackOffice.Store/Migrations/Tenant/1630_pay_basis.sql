-- Issue 16: salaried non-exempt employees and California flat-sum bonuses in the payroll check. pay_basis is hourly,
-- salary-fixed (29 CFR 778.113) or salary-fluctuating (778.114); a salary is salary_cents per salary_period (weekly,
-- biweekly, semimonthly, monthly) for salary_hours_e4 hours a week (the fixed-hours rule). A payroll line's bonus_kind
-- is nondiscretionary (spread over all hours, 778.110(b)) or flat-sum (California: Alvarado v. Dart Container, 2018).
ALTER TABLE workforce_employees ADD COLUMN pay_basis TEXT NOT NULL DEFAULT 'hourly';
ALTER TABLE workforce_employees ADD COLUMN salary_cents INTEGER;
ALTER TABLE workforce_employees ADD COLUMN salary_period TEXT;
ALTER TABLE workforce_employees ADD COLUMN salary_hours_e4 INTEGER;
ALTER TABLE workforce_payroll_lines ADD COLUMN bonus_kind TEXT NOT NULL DEFAULT 'nondiscretionary';
