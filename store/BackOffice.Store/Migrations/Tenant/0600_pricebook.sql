-- Pricebook engine (issue 8). Prices are INTEGER ten-thousandths of a dollar (*_e4), like pricebook_items.unit_cost_e4;
-- quantities *_e4; percentages basis points (*_bp); sell prices cents.

-- A vendor's column mapping, saved once and reused for each file the vendor sends.
CREATE TABLE pricebook_vendor_mappings (
    vendor TEXT PRIMARY KEY, mapping_json TEXT NOT NULL, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL);

-- Imported price files and their good lines. A file is stored once per vendor and content (sha256).
CREATE TABLE pricebook_price_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT, vendor TEXT NOT NULL, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
    imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, line_count INTEGER NOT NULL, rejected_rows INTEGER NOT NULL,
    UNIQUE (vendor, sha256));
CREATE TABLE pricebook_price_lines (
    file_id INTEGER NOT NULL REFERENCES pricebook_price_files(id), row_no INTEGER NOT NULL, vendor_sku TEXT, description TEXT,
    unit TEXT NOT NULL, price_e4 INTEGER NOT NULL, effective_date TEXT, PRIMARY KEY (file_id, row_no));

-- A person's answer to an ambiguous match, remembered per vendor and line key (item number or normalized description).
-- item_id NULL means "this line is no pricebook item".
CREATE TABLE pricebook_match_decisions (
    vendor TEXT NOT NULL, line_key TEXT NOT NULL, item_id TEXT, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
    PRIMARY KEY (vendor, line_key));

-- Markup rules: scope 'item' (key = item id), 'category' (key = category), 'default' (key = '').
CREATE TABLE pricebook_markup_rules (
    scope TEXT NOT NULL CHECK (scope IN ('item', 'category', 'default')), scope_key TEXT NOT NULL,
    markup_bp INTEGER, min_margin_bp INTEGER, PRIMARY KEY (scope, scope_key));

-- Exactly-once record of applied price updates (the executor's idempotency key), written with the update itself.
CREATE TABLE pricebook_applied_updates (
    idempotency_key TEXT PRIMARY KEY, proposal_id INTEGER NOT NULL, applied_at TEXT NOT NULL, items INTEGER NOT NULL);

-- Estimates did not exist before issue 8: open estimates are what a price change moves first.
CREATE TABLE estimates (
    id TEXT PRIMARY KEY, job_id TEXT, name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'void')), created_date TEXT NOT NULL);
CREATE TABLE estimate_lines (
    id TEXT PRIMARY KEY, estimate_id TEXT NOT NULL REFERENCES estimates(id), pricebook_item_id TEXT NOT NULL,
    quantity_e4 INTEGER NOT NULL, unit_price_cents INTEGER NOT NULL);
CREATE INDEX estimate_lines_item ON estimate_lines (pricebook_item_id);

-- Planned material quantities behind a budget line (project_budget_lines carries only amounts per cost code).
CREATE TABLE budget_line_materials (
    budget_line_id TEXT NOT NULL REFERENCES project_budget_lines(id), pricebook_item_id TEXT NOT NULL,
    quantity_e4 INTEGER NOT NULL, PRIMARY KEY (budget_line_id, pricebook_item_id));
