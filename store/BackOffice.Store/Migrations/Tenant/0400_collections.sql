-- Collections (issue 5). No foreign keys to ledger_invoices: a re-import may replace invoices, and a promise or an
-- outgoing message is a record of what happened, which must outlive the row it was about.

-- Promises to pay taken on calls; written only by the gate's "collections.record-promise" executor.
CREATE TABLE collections_promises (
    id TEXT PRIMARY KEY,              -- the proposal's idempotency key: a retried execution finds its own row
    invoice_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    promised_date TEXT NOT NULL,
    recorded_on TEXT NOT NULL,
    note TEXT,
    proposal_id INTEGER,
    created_at TEXT NOT NULL);
CREATE INDEX collections_promises_invoice ON collections_promises(invoice_id);

-- Invoices the customer disputes; not chased while here (entered by the collections team).
CREATE TABLE collections_disputes (
    invoice_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    opened_on TEXT NOT NULL);

-- Outgoing messages: queued -> delivering -> delivered. Undo inside the delay deletes the queued row (the prior
-- state was no row); the claim to deliver and the undo are both conditional on state 'queued', so only one wins.
CREATE TABLE collections_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    proposal_id INTEGER,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT,
    body TEXT NOT NULL,
    invoice_id TEXT,
    level TEXT,
    state TEXT NOT NULL CHECK (state IN ('queued', 'delivering', 'delivered')),
    queued_at TEXT NOT NULL,
    deliver_after TEXT NOT NULL,
    claim_until TEXT,
    delivered_at TEXT,
    delivered_to TEXT,
    last_error TEXT);
CREATE INDEX collections_outbox_due ON collections_outbox(state, deliver_after);
