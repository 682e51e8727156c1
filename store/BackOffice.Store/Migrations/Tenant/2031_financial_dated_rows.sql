-- Issue 18: Financial at a new as-of date recomputes only the jobs with a row dated after the stored findings' date
-- (LedgerFinancialStore.JobsDatedBetweenAsync). Each dated table it asks is read by a range of its date column through
-- an index, so a date move costs the rows dated in between, not the books. Bills already have ledger_bills_by_date (1987).
CREATE INDEX IF NOT EXISTS ledger_journal_entries_by_date ON ledger_journal_entries(status, txn_date, id);
CREATE INDEX IF NOT EXISTS ledger_invoices_by_date ON ledger_invoices(txn_date, customer_id);
CREATE INDEX IF NOT EXISTS project_change_orders_by_approved ON project_change_orders(approved_date, job_id);
CREATE INDEX IF NOT EXISTS project_pay_apps_by_period_end ON project_pay_apps(period_end, job_id);
CREATE INDEX IF NOT EXISTS workforce_timecards_by_clock_in ON workforce_timecards(clock_in, job_id);
