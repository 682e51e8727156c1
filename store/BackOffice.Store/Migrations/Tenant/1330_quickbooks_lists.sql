-- Issue 13: the QuickBooks name lists the writers need, synced like accounts and vendors (origin, sync_token,
-- source_updated_at): items (an invoice line's ItemRef), classes (ClassRef on bill and journal-entry lines) and terms.
-- No bundle file fills them, so they exist only for a connected tenant.
CREATE TABLE ledger_items (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, fully_qualified_name TEXT NOT NULL, type TEXT, active INTEGER NOT NULL DEFAULT 1,
    income_account_id TEXT, expense_account_id TEXT,
    origin TEXT NOT NULL DEFAULT 'quickbooks', sync_token INTEGER NOT NULL DEFAULT 0, source_updated_at TEXT, row_hash TEXT NOT NULL);
CREATE TABLE ledger_classes (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, fully_qualified_name TEXT NOT NULL, parent_id TEXT, active INTEGER NOT NULL DEFAULT 1,
    origin TEXT NOT NULL DEFAULT 'quickbooks', sync_token INTEGER NOT NULL DEFAULT 0, source_updated_at TEXT, row_hash TEXT NOT NULL);
CREATE TABLE ledger_terms (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, due_days INTEGER, day_of_month_due INTEGER, due_next_month_days INTEGER,
    active INTEGER NOT NULL DEFAULT 1,
    origin TEXT NOT NULL DEFAULT 'quickbooks', sync_token INTEGER NOT NULL DEFAULT 0, source_updated_at TEXT, row_hash TEXT NOT NULL);
