-- Issue 16: California rest and recovery period pay for piece-rate employees (Labor Code 226.2(a)(3)(A)) in the payroll
-- check. A payroll line may carry the week's rest and recovery periods in hours as recorded (rest_hours_e4) and the
-- minimum wage of the place of work (minimum_wage_cents), which wins over the tenant's Agents:workforce:MinimumWage.
ALTER TABLE workforce_payroll_lines ADD COLUMN rest_hours_e4 INTEGER;
ALTER TABLE workforce_payroll_lines ADD COLUMN minimum_wage_cents INTEGER;
