-- Issue 16: day-rate (29 CFR 778.112) and piece-rate (778.111) pay in the payroll check. An employee's pay_basis may be
-- day-rate (day_rate_cents a day) or piece-rate; a payroll line carries the days it pays at the day rate (days_e4; null:
-- the days with clocked hours) and the week's piece earnings (piece_earnings_cents).
ALTER TABLE workforce_employees ADD COLUMN day_rate_cents INTEGER;
ALTER TABLE workforce_payroll_lines ADD COLUMN days_e4 INTEGER;
ALTER TABLE workforce_payroll_lines ADD COLUMN piece_earnings_cents INTEGER;
