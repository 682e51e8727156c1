-- Issue 16: a journal line's vendor. A retainage payable true-up (Dr A/P subcontractor, Cr Retainage Payable, or the
-- reverse) belongs to one subcontractor on one job: the sandbox keeps the vendor beside the customer (job), so the
-- ledger's retainage payable per vendor and job includes the entry, and QuickBooks gets the vendor as the A/P line's entity.
-- ledger_journal_lines is not on PostgreSQL yet (PostgresPorting.NotPortedTables), so this has no PostgreSQL twin.
ALTER TABLE ledger_journal_lines ADD COLUMN vendor_id TEXT REFERENCES ledger_vendors(id);
