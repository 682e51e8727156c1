-- Issue 18: Collections' aging snapshot, so a sweep at a new as-of date reads only the invoices still open instead of
-- the whole invoice and payment books. Derived state, written by the Collections sweep in the unit that stores its
-- findings; valid for the journal sequence, as-of date and inputs stamp of its one mark row.
CREATE TABLE collections_snapshot_marks (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    journal_seq  INTEGER NOT NULL,
    as_of        TEXT NOT NULL,
    inputs_stamp TEXT NOT NULL
);

-- Invoices not settled as of the mark's date: open, dated after it, or with a payment dated after it. A settled
-- invoice stays settled at any later date while the books do not change, so only these can age.
CREATE TABLE collections_snapshot_invoices (
    invoice_id TEXT PRIMARY KEY
);

-- What the settled invoices still add at a later date, per ledger customer: their net retainage (withheld less
-- released, in cents) and the days late of their payments (sum and count, for the queue's average days late).
CREATE TABLE collections_snapshot_customers (
    customer_id     TEXT PRIMARY KEY,
    retainage_cents INTEGER NOT NULL,
    days_late       INTEGER NOT NULL,
    payments        INTEGER NOT NULL
);
