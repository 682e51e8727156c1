-- Issue 16: a journal line's class (QuickBooks ClassRef). A synced retainage payable true-up names the subcontractor as
-- the line's entity (Entity Type Vendor), so the job is not on the line as a customer; the tenant's ClassByJob setting,
-- read in reverse, names the job of the line's class. The class is kept as synced and resolved when read, so a changed
-- setting applies without a re-sync.
ALTER TABLE ledger_journal_lines ADD COLUMN class_id TEXT;
