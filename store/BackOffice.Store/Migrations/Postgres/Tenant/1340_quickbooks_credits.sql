-- Issue 13: the PostgreSQL twin of Tenant/1340_quickbooks_credits.sql: tenant_id leads every key, integers are BIGINT
-- (money in cents), text sorts by code point (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
CREATE TABLE ledger_bill_payments (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    vendor_id TEXT COLLATE "C" NOT NULL,
    txn_date TEXT COLLATE "C" NOT NULL,
    doc_number TEXT COLLATE "C",
    total_cents BIGINT NOT NULL,
    pay_type TEXT COLLATE "C" NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'quickbooks',
    sync_token BIGINT NOT NULL DEFAULT 0,
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_bill_payment_lines (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    bill_payment_id TEXT COLLATE "C" NOT NULL,
    bill_id TEXT COLLATE "C" NOT NULL,
    amount_cents BIGINT NOT NULL,
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE INDEX ledger_bill_payment_lines_payment ON ledger_bill_payment_lines(tenant_id, bill_payment_id);
CREATE INDEX ledger_bill_payment_lines_bill ON ledger_bill_payment_lines(tenant_id, bill_id);
CREATE TABLE ledger_credit_memos (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    customer_id TEXT COLLATE "C" NOT NULL,
    doc_number TEXT COLLATE "C",
    txn_date TEXT COLLATE "C" NOT NULL,
    total_cents BIGINT NOT NULL,
    remaining_cents BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'quickbooks',
    sync_token BIGINT NOT NULL DEFAULT 0,
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE ledger_vendor_credits (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id TEXT COLLATE "C",
    vendor_id TEXT COLLATE "C" NOT NULL,
    doc_number TEXT COLLATE "C",
    txn_date TEXT COLLATE "C" NOT NULL,
    total_cents BIGINT NOT NULL,
    remaining_cents BIGINT NOT NULL,
    origin TEXT COLLATE "C" NOT NULL DEFAULT 'quickbooks',
    sync_token BIGINT NOT NULL DEFAULT 0,
    source_updated_at TEXT COLLATE "C",
    row_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
