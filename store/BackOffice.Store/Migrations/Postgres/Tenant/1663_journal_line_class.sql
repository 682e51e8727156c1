-- Issue 16: the PostgreSQL twin of Tenant/1663_journal_line_class.sql: text sorts by code point (COLLATE "C", as
-- SQLite's BINARY). The class is an id of the synced list as QuickBooks sent it, with no key to ledger_classes, as on SQLite.
ALTER TABLE ledger_journal_lines ADD COLUMN class_id TEXT COLLATE "C";
