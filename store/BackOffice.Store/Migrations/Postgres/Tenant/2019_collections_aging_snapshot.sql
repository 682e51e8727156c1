-- Issue 18: the PostgreSQL twin of Tenant/2019_collections_aging_snapshot.sql (Collections' aging snapshot).
CREATE TABLE collections_snapshot_marks (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id BIGINT CHECK (id = 1),
    journal_seq BIGINT NOT NULL,
    as_of TEXT COLLATE "C" NOT NULL,
    inputs_stamp TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE TABLE collections_snapshot_invoices (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    invoice_id TEXT COLLATE "C",
    PRIMARY KEY (tenant_id, invoice_id));
CREATE TABLE collections_snapshot_customers (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    customer_id TEXT COLLATE "C",
    retainage_cents BIGINT NOT NULL,
    days_late BIGINT NOT NULL,
    payments BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, customer_id));
