-- Issue 18: the PostgreSQL twin of Tenant/1955_sweep_marks.sql (the incremental sweep's marks and the counter of
-- unjournaled inputs). One database holds every tenant, so the counter is a row per tenant, created by the first counted
-- write (no row reads as 0), and one trigger function moves the row of the tenant that wrote.
CREATE TABLE sweep_marks (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    agent TEXT COLLATE "C",
    journal_seq BIGINT NOT NULL,
    as_of TEXT COLLATE "C" NOT NULL,
    inputs_stamp TEXT COLLATE "C" NOT NULL,
    swept_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (tenant_id, agent));
CREATE TABLE sweep_inputs (
    tenant_id TEXT NOT NULL DEFAULT current_setting('backoffice.tenant_id', true) CHECK (tenant_id <> ''),
    id BIGINT CHECK (id = 1),
    version BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id));
CREATE FUNCTION sweep_inputs_bump() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    INSERT INTO sweep_inputs (tenant_id, id, version) VALUES (current_setting('backoffice.tenant_id', true), 1, 1)
    ON CONFLICT (tenant_id, id) DO UPDATE SET version = sweep_inputs.version + 1;
    RETURN NULL;
END $f$;
CREATE TRIGGER sweep_inputs_books_date AFTER INSERT OR UPDATE OR DELETE ON books_date FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_budget_line_materials AFTER INSERT OR UPDATE OR DELETE ON budget_line_materials FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_collections_disputes AFTER INSERT OR UPDATE OR DELETE ON collections_disputes FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_collections_outbox AFTER INSERT OR UPDATE OR DELETE ON collections_outbox FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_collections_promises AFTER INSERT OR UPDATE OR DELETE ON collections_promises FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_estimate_lines AFTER INSERT OR UPDATE OR DELETE ON estimate_lines FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_estimates AFTER INSERT OR UPDATE OR DELETE ON estimates FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_financial_links AFTER INSERT OR UPDATE OR DELETE ON financial_links FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_financial_notes AFTER INSERT OR UPDATE OR DELETE ON financial_notes FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_memory_items AFTER INSERT OR UPDATE OR DELETE ON memory_items FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_pricebook_applied_updates AFTER INSERT OR UPDATE OR DELETE ON pricebook_applied_updates FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_pricebook_markup_rules AFTER INSERT OR UPDATE OR DELETE ON pricebook_markup_rules FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_pricebook_match_decisions AFTER INSERT OR UPDATE OR DELETE ON pricebook_match_decisions FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_pricebook_price_files AFTER INSERT OR UPDATE OR DELETE ON pricebook_price_files FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_pricebook_price_lines AFTER INSERT OR UPDATE OR DELETE ON pricebook_price_lines FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_pricebook_vendor_mappings AFTER INSERT OR UPDATE OR DELETE ON pricebook_vendor_mappings FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_procore_connections AFTER INSERT OR UPDATE OR DELETE ON procore_connections FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_quickbooks_connections AFTER INSERT OR UPDATE OR DELETE ON quickbooks_connections FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_wip_period_jobs AFTER INSERT OR UPDATE OR DELETE ON wip_period_jobs FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_wip_periods AFTER INSERT OR UPDATE OR DELETE ON wip_periods FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
CREATE TRIGGER sweep_inputs_workforce_outbox AFTER INSERT OR UPDATE OR DELETE ON workforce_outbox FOR EACH STATEMENT EXECUTE FUNCTION sweep_inputs_bump();
