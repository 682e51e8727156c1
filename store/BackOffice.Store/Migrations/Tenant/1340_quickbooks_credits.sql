-- Issue 13: what settles or offsets a bill or an invoice in QuickBooks, synced like the other QuickBooks rows (origin,
-- sync_token, source_updated_at). A BillPayment's lines say how much of which bill it paid (Line[].LinkedTxn with
-- TxnType "Bill"), so a bill's open amount is its total less them; a CreditMemo (customer credit) and a VendorCredit
-- keep the credit still unapplied. No bundle file fills them, so they exist only for a connected tenant. Bill ids in
-- the payment lines are plain text, not foreign keys: a page of payments may name a bill a later CDC answer deletes.
CREATE TABLE ledger_bill_payments (
    id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL, txn_date TEXT NOT NULL, doc_number TEXT, total_cents INTEGER NOT NULL,
    pay_type TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'quickbooks', sync_token INTEGER NOT NULL DEFAULT 0, source_updated_at TEXT, row_hash TEXT NOT NULL);
CREATE TABLE ledger_bill_payment_lines (
    id TEXT PRIMARY KEY, bill_payment_id TEXT NOT NULL, bill_id TEXT NOT NULL, amount_cents INTEGER NOT NULL, row_hash TEXT NOT NULL);
CREATE INDEX ledger_bill_payment_lines_payment ON ledger_bill_payment_lines(bill_payment_id);
CREATE INDEX ledger_bill_payment_lines_bill ON ledger_bill_payment_lines(bill_id);
CREATE TABLE ledger_credit_memos (
    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, doc_number TEXT, txn_date TEXT NOT NULL, total_cents INTEGER NOT NULL,
    remaining_cents INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT 'quickbooks', sync_token INTEGER NOT NULL DEFAULT 0, source_updated_at TEXT, row_hash TEXT NOT NULL);
CREATE TABLE ledger_vendor_credits (
    id TEXT PRIMARY KEY, vendor_id TEXT NOT NULL, doc_number TEXT, txn_date TEXT NOT NULL, total_cents INTEGER NOT NULL,
    remaining_cents INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT 'quickbooks', sync_token INTEGER NOT NULL DEFAULT 0, source_updated_at TEXT, row_hash TEXT NOT NULL);
