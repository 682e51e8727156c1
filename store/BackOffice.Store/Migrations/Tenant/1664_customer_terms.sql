-- Issue 16: a customer's payment term (QuickBooks SalesTermRef). The owner invoices the product proposes are due as the
-- customer's (or its parent's) term says, instead of a fixed 30 days. An Id of ledger_terms without a key, so a customer
-- that names a term the sync has not brought yet still syncs; a term that is not there means no term.
ALTER TABLE ledger_customers ADD COLUMN sales_term_id TEXT;
