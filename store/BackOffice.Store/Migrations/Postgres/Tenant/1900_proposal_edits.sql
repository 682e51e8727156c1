-- Issue 18: the PostgreSQL twin of Tenant/1900_proposal_edits.sql (issue 19's edit record on proposals).
ALTER TABLE proposals ADD COLUMN original_json TEXT;
ALTER TABLE proposals ADD COLUMN amount_edited_by TEXT;
