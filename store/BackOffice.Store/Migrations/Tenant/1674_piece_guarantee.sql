-- Issue 16: a piece-rate employee's minimum hourly guarantee (29 CFR 778.111(b)): in a week whose piece earnings fall
-- short of the guarantee x the hours the pieces pay, the guarantee is paid and is the regular rate. Null: none.
ALTER TABLE workforce_employees ADD COLUMN piece_guarantee_cents INTEGER;
