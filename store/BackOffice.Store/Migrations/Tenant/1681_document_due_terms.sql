-- Issue 16: which synced term dated a QuickBooks bill's or invoice's due date (an Id of ledger_terms, no key, as
-- ledger_vendors.term_id in 1996), or NULL when QuickBooks sent the document's own DueDate (or no term applied). When a
-- sync brings a term whose definition changed, exactly the documents it dated are re-dated (QuickBooksTerms.RedateAsync).
ALTER TABLE ledger_bills ADD COLUMN due_term_id TEXT;
ALTER TABLE ledger_invoices ADD COLUMN due_term_id TEXT;
CREATE INDEX IF NOT EXISTS ledger_bills_due_term ON ledger_bills(due_term_id);
CREATE INDEX IF NOT EXISTS ledger_invoices_due_term ON ledger_invoices(due_term_id);
