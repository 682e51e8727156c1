-- Issue 14: more of the project side read from Procore, each row with its origin so a sync touches only its own rows.
-- A budget line's cost type (Procore's line item type code, "L", "M", "S"...; empty when the source does not say).
ALTER TABLE project_budget_lines ADD COLUMN cost_type TEXT;
-- A change order's lines by cost code (Procore's change order package line items): a change order whose lines carry
-- cost codes adds each line to its cost code's committed cost; what the lines do not cover (markup) stays uncoded.
CREATE TABLE project_change_order_lines (
    id TEXT PRIMARY KEY, change_order_id TEXT NOT NULL REFERENCES project_change_orders(id),
    cost_code TEXT NOT NULL REFERENCES project_cost_codes(code), cost_type TEXT, description TEXT, amount_cents INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT 'bundle', row_hash TEXT NOT NULL);
CREATE INDEX ix_project_change_order_lines_change_order ON project_change_order_lines (change_order_id);
-- G703 lines of a pay application read from Procore carry their origin like the pay application does.
ALTER TABLE project_pay_app_lines ADD COLUMN origin TEXT NOT NULL DEFAULT 'bundle';
-- Direct costs (Procore's Direct Costs tool: invoices, expenses and payroll booked straight to a project) and their
-- line items by cost code and cost type. kind: invoice | expense | payroll; status: draft | pending | approved | void.
CREATE TABLE project_direct_costs (
    id TEXT PRIMARY KEY, job_id TEXT NOT NULL REFERENCES project_jobs(id), kind TEXT NOT NULL, status TEXT NOT NULL,
    cost_date TEXT NOT NULL, vendor_name TEXT, invoice_number TEXT, description TEXT, amount_cents INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT 'bundle', source_id TEXT, source_updated_at TEXT, row_hash TEXT NOT NULL);
CREATE TABLE project_direct_cost_lines (
    id TEXT PRIMARY KEY, direct_cost_id TEXT NOT NULL REFERENCES project_direct_costs(id),
    cost_code TEXT NOT NULL REFERENCES project_cost_codes(code), cost_type TEXT, description TEXT, amount_cents INTEGER NOT NULL,
    origin TEXT NOT NULL DEFAULT 'bundle', row_hash TEXT NOT NULL);
CREATE INDEX ix_project_direct_cost_lines_direct_cost ON project_direct_cost_lines (direct_cost_id);
