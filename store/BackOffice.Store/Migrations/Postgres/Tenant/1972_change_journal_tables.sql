-- Issue 18: the PostgreSQL twin of Tenant/1972_change_journal_tables.sql: the table each journaled write came from and
-- the columns an update changed (text sorts by code point, COLLATE "C", as SQLite's BINARY); NULL when not known.
ALTER TABLE change_journal ADD COLUMN source_table TEXT COLLATE "C";
ALTER TABLE change_journal ADD COLUMN source_columns TEXT COLLATE "C";
