-- Issue 16: the PostgreSQL twin of Tenant/1996_vendor_terms.sql: text sorts by code point (COLLATE "C", as SQLite's BINARY).
ALTER TABLE ledger_vendors ADD COLUMN term_id TEXT COLLATE "C";
