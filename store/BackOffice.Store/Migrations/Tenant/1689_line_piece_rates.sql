-- Issue 16: several piece rates in one week (29 CFR 778.418(c)). A pieceworker at two or more kinds of work with different
-- straight-time piece rates may agree to be paid not less than one and one-half times "whichever straight time piece rate
-- is applicable to the work performed during the overtime hours". The payroll line carries that applicable straight-time
-- piece rate (piece_rate_e4) and the rate its overtime pieces were paid (overtime_piece_rate_e4), per piece to 4 places;
-- they replace the employee's pair for that week. Null: the employee's own piece_rate and overtime_piece_rate apply.
ALTER TABLE workforce_payroll_lines ADD COLUMN piece_rate_e4 INTEGER;
ALTER TABLE workforce_payroll_lines ADD COLUMN overtime_piece_rate_e4 INTEGER;
