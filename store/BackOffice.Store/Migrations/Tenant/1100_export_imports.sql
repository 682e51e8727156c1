-- Issue 14: export files as downloaded (Buildertrend, QuickBooks Online, Procore).
-- The column mapping a person confirmed for one source and kind of export, reused for every later file of that kind.
CREATE TABLE export_mappings (
    source TEXT NOT NULL, kind TEXT NOT NULL, mapping_json TEXT NOT NULL, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL,
    PRIMARY KEY (source, kind));

-- A name in an export that a person resolved once: record_id is the record it is, or NULL for "a new record".
CREATE TABLE export_name_decisions (
    source TEXT NOT NULL, entity TEXT NOT NULL, name_key TEXT NOT NULL, record_id TEXT, decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL, PRIMARY KEY (source, entity, name_key));
