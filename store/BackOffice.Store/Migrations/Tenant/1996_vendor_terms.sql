-- Issue 16: a vendor's payment term (QuickBooks Vendor TermRef). A synced bill with neither its own SalesTermRef nor a
-- DueDate is due as its vendor's term says, and a bill written through the gate without a due date carries that term.
-- An Id of ledger_terms without a key, as ledger_customers.sales_term_id (1664): a term not synced yet means no term.
ALTER TABLE ledger_vendors ADD COLUMN term_id TEXT;
