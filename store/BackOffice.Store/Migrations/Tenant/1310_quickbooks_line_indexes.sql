-- Issue 13 (own file, so databases that already applied the QuickBooks migration get it too; main numbers that one 1300).
-- A synced entity replaces its lines by parent id; without these indexes each replace scans every line (quadratic:
-- a 100,000-bill full sync did not finish in ten minutes).
CREATE INDEX IF NOT EXISTS ledger_bill_lines_bill ON ledger_bill_lines(bill_id);
CREATE INDEX IF NOT EXISTS ledger_invoice_lines_invoice ON ledger_invoice_lines(invoice_id);
CREATE INDEX IF NOT EXISTS ledger_payment_lines_payment ON ledger_payment_lines(payment_id);
CREATE INDEX IF NOT EXISTS ledger_journal_lines_entry ON ledger_journal_lines(journal_entry_id);
