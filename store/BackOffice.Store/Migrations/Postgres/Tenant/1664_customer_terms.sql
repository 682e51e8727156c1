-- Issue 16: the PostgreSQL twin of Tenant/1664_customer_terms.sql: text sorts by code point (COLLATE "C", as SQLite's BINARY).
ALTER TABLE ledger_customers ADD COLUMN sales_term_id TEXT COLLATE "C";
