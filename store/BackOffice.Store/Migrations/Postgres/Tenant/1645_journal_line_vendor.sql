-- Issue 18: the PostgreSQL twin of Tenant/1645_journal_line_vendor.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
ALTER TABLE ledger_journal_lines ADD COLUMN vendor_id TEXT COLLATE "C";
ALTER TABLE ledger_journal_lines ADD FOREIGN KEY (tenant_id, vendor_id) REFERENCES ledger_vendors(tenant_id, id) DEFERRABLE INITIALLY DEFERRED;
