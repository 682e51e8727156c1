-- Issue 16: the trade a timecard was worked in (a carpenter who works a laborer's shift); null: the employee's trade.
-- Labor burden (WIP per employee and the labor-burden report) charges the timecard's trade profile when it is set.
ALTER TABLE workforce_timecards ADD COLUMN trade TEXT;
