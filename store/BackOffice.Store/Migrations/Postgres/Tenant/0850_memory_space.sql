-- Issue 18: the PostgreSQL twin of Tenant/0850_memory_space.sql: tenant_id leads every key, integers are BIGINT (money in cents),
-- foreign keys are checked at commit (the importer writes parents and children in diff order), text sorts by code point
-- (COLLATE "C", as SQLite's BINARY), rows are the tenant's by row-level security.
ALTER TABLE memory_items ADD COLUMN space TEXT COLLATE "C" NOT NULL DEFAULT 'hashed-ngram-v1/256';
