-- Issue 18: the table each journaled write came from (ledger_bill_lines, workforce_timecards, ...) and, for an update,
-- the columns it changed. An agent that never reads a table, or none of the changed columns, skips a sweep whose only
-- changes are those (a changed bill line cannot move an aging bucket; a new line description moves no cost).
-- NULL: rows journaled before these columns, and writes whose table or columns are not known; every agent reads those.
ALTER TABLE change_journal ADD COLUMN source_table TEXT;
ALTER TABLE change_journal ADD COLUMN source_columns TEXT;
