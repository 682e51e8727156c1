-- Issue 16: WIP by period. Closing a month (`backoffice wip close --period yyyy-MM`, audited) stores each job's WIP
-- figures to date, so the next month's WIP shows that month's revenue, cost and gross profit as the difference from
-- these. A closed period is never recomputed: its rows are what was signed. Money in cents, percent in basis points.
CREATE TABLE wip_periods (
    period TEXT PRIMARY KEY, as_of TEXT NOT NULL, closed_by TEXT NOT NULL, closed_at TEXT NOT NULL);

CREATE TABLE wip_period_jobs (
    period TEXT NOT NULL REFERENCES wip_periods (period), job_id TEXT NOT NULL,
    contract_cents INTEGER NOT NULL, estimated_cost_cents INTEGER NOT NULL, cost_to_date_cents INTEGER NOT NULL,
    percent_bp INTEGER NOT NULL, earned_cents INTEGER NOT NULL, billed_cents INTEGER NOT NULL,
    gross_profit_cents INTEGER NOT NULL, loss_provision_cents INTEGER NOT NULL,
    PRIMARY KEY (period, job_id));
