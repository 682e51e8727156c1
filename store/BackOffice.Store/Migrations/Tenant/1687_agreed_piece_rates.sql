-- Issue 16: an agreed overtime piece rate (29 CFR 778.418, FLSA section 7(g)(1)) in the payroll check. A piece-rate
-- employee may carry the bona fide piece rate of nonovertime hours (piece_rate_e4) and the rate agreed in advance for each
-- piece produced in overtime hours (overtime_piece_rate_e4), per piece to 4 places since piece rates run below a cent; a
-- payroll line carries the pieces produced in overtime hours (overtime_pieces_e4). Null: no agreement, or no such pieces.
ALTER TABLE workforce_employees ADD COLUMN piece_rate_e4 INTEGER;
ALTER TABLE workforce_employees ADD COLUMN overtime_piece_rate_e4 INTEGER;
ALTER TABLE workforce_payroll_lines ADD COLUMN overtime_pieces_e4 INTEGER;
