-- Issue 18: the incremental sweep. Each agent keeps the journal sequence and the as-of date it last swept for, and a
-- stamp of the inputs the change journal does not cover, so a sweep of unchanged books reads a few rows and stops.
CREATE TABLE sweep_marks (
    agent        TEXT PRIMARY KEY,
    journal_seq  INTEGER NOT NULL,
    as_of        TEXT NOT NULL,
    inputs_stamp TEXT NOT NULL,
    swept_at     TEXT NOT NULL
);

-- The tables agents read that no journaled writer fills (gate-side decisions, links, notes, promises, the outbox,
-- memory, WIP periods, the books date, connections): every insert, update or delete moves one counter, in
-- the writer's own transaction, whichever code writes them, so nothing unjournaled can leave a mark stale.
CREATE TABLE sweep_inputs (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO sweep_inputs (id, version) VALUES (1, 0);

CREATE TRIGGER sweep_inputs_books_date_insert AFTER INSERT ON books_date BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_books_date_update AFTER UPDATE ON books_date BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_books_date_delete AFTER DELETE ON books_date BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_budget_line_materials_insert AFTER INSERT ON budget_line_materials BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_budget_line_materials_update AFTER UPDATE ON budget_line_materials BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_budget_line_materials_delete AFTER DELETE ON budget_line_materials BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_disputes_insert AFTER INSERT ON collections_disputes BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_disputes_update AFTER UPDATE ON collections_disputes BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_disputes_delete AFTER DELETE ON collections_disputes BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_outbox_insert AFTER INSERT ON collections_outbox BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_outbox_update AFTER UPDATE ON collections_outbox BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_outbox_delete AFTER DELETE ON collections_outbox BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_promises_insert AFTER INSERT ON collections_promises BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_promises_update AFTER UPDATE ON collections_promises BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_collections_promises_delete AFTER DELETE ON collections_promises BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_estimate_lines_insert AFTER INSERT ON estimate_lines BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_estimate_lines_update AFTER UPDATE ON estimate_lines BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_estimate_lines_delete AFTER DELETE ON estimate_lines BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_estimates_insert AFTER INSERT ON estimates BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_estimates_update AFTER UPDATE ON estimates BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_estimates_delete AFTER DELETE ON estimates BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_financial_links_insert AFTER INSERT ON financial_links BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_financial_links_update AFTER UPDATE ON financial_links BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_financial_links_delete AFTER DELETE ON financial_links BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_financial_notes_insert AFTER INSERT ON financial_notes BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_financial_notes_update AFTER UPDATE ON financial_notes BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_financial_notes_delete AFTER DELETE ON financial_notes BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_memory_items_insert AFTER INSERT ON memory_items BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_memory_items_update AFTER UPDATE ON memory_items BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_memory_items_delete AFTER DELETE ON memory_items BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_applied_updates_insert AFTER INSERT ON pricebook_applied_updates BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_applied_updates_update AFTER UPDATE ON pricebook_applied_updates BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_applied_updates_delete AFTER DELETE ON pricebook_applied_updates BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_markup_rules_insert AFTER INSERT ON pricebook_markup_rules BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_markup_rules_update AFTER UPDATE ON pricebook_markup_rules BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_markup_rules_delete AFTER DELETE ON pricebook_markup_rules BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_match_decisions_insert AFTER INSERT ON pricebook_match_decisions BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_match_decisions_update AFTER UPDATE ON pricebook_match_decisions BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_match_decisions_delete AFTER DELETE ON pricebook_match_decisions BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_price_files_insert AFTER INSERT ON pricebook_price_files BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_price_files_update AFTER UPDATE ON pricebook_price_files BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_price_files_delete AFTER DELETE ON pricebook_price_files BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_price_lines_insert AFTER INSERT ON pricebook_price_lines BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_price_lines_update AFTER UPDATE ON pricebook_price_lines BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_price_lines_delete AFTER DELETE ON pricebook_price_lines BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_vendor_mappings_insert AFTER INSERT ON pricebook_vendor_mappings BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_vendor_mappings_update AFTER UPDATE ON pricebook_vendor_mappings BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_pricebook_vendor_mappings_delete AFTER DELETE ON pricebook_vendor_mappings BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_procore_connections_insert AFTER INSERT ON procore_connections BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_procore_connections_update AFTER UPDATE ON procore_connections BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_procore_connections_delete AFTER DELETE ON procore_connections BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_quickbooks_connections_insert AFTER INSERT ON quickbooks_connections BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_quickbooks_connections_update AFTER UPDATE ON quickbooks_connections BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_quickbooks_connections_delete AFTER DELETE ON quickbooks_connections BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_wip_period_jobs_insert AFTER INSERT ON wip_period_jobs BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_wip_period_jobs_update AFTER UPDATE ON wip_period_jobs BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_wip_period_jobs_delete AFTER DELETE ON wip_period_jobs BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_wip_periods_insert AFTER INSERT ON wip_periods BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_wip_periods_update AFTER UPDATE ON wip_periods BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_wip_periods_delete AFTER DELETE ON wip_periods BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_workforce_outbox_insert AFTER INSERT ON workforce_outbox BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_workforce_outbox_update AFTER UPDATE ON workforce_outbox BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER sweep_inputs_workforce_outbox_delete AFTER DELETE ON workforce_outbox BEGIN UPDATE sweep_inputs SET version = version + 1 WHERE id = 1; END;
