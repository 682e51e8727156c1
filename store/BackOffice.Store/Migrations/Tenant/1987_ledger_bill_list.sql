-- Issue 17: the console's ledger-bills list pages in SQL (LedgerStore.BillPageAsync): active bills in date order and in
-- amount order read from an index and stop at the page's limit, and the job filter finds a job's bills by its lines'
-- customer instead of reading every line. A 200-job tenant's list page used to read and sort every bill per request.
CREATE INDEX IF NOT EXISTS ledger_bills_by_date ON ledger_bills(status, txn_date, id);
CREATE INDEX IF NOT EXISTS ledger_bills_by_total ON ledger_bills(status, total_cents, id);
CREATE INDEX IF NOT EXISTS ledger_bill_lines_customer ON ledger_bill_lines(customer_id, bill_id);
