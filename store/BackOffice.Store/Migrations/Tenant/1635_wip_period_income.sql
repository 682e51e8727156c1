-- Issue 16: a WIP close also stores the company's income of that close (the period gross profit by the configured
-- presentation, SG&A posted in the period, net income = the difference), so a closed month shows what was signed even
-- when an expense is back-dated into it later. Money in cents; empty for periods closed before this migration (their
-- SG&A is still read from the ledger, and the report says so).
ALTER TABLE wip_periods ADD COLUMN period_gross_profit_cents INTEGER;
ALTER TABLE wip_periods ADD COLUMN sga_cents INTEGER;
ALTER TABLE wip_periods ADD COLUMN net_income_cents INTEGER;
