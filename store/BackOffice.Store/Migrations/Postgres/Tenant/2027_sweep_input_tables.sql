-- Issue 17: the PostgreSQL twin of Tenant/2027_sweep_input_tables.sql: a version per unjournaled table and tenant, so
-- the report cache can tell which of them moved. 1955's one trigger function (on every counted table) moves it too,
-- in the writer's transaction; the row is created by the table's first counted write (no row reads as 0).
CREATE TABLE sweep_input_tables (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    source_table TEXT COLLATE "C",
    version BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, source_table));
CREATE OR REPLACE FUNCTION sweep_inputs_bump() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    INSERT INTO sweep_inputs (tenant_id, id, version) VALUES (current_setting('backoffice.tenant_id', true), 1, 1)
    ON CONFLICT (tenant_id, id) DO UPDATE SET version = sweep_inputs.version + 1;
    INSERT INTO sweep_input_tables (tenant_id, source_table, version) VALUES (current_setting('backoffice.tenant_id', true), TG_TABLE_NAME, 1)
    ON CONFLICT (tenant_id, source_table) DO UPDATE SET version = sweep_input_tables.version + 1;
    RETURN NULL;
END $f$;
