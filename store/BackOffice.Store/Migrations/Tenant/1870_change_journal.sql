-- Issue 18: the change journal. Each write to the books records which entities it touched (a job, a ledger customer, a
-- vendor, an employee, an item, a document, or the parent record of a line that names none), one row per entity per
-- write, so a sweep can ask what changed since the sequence it last swept instead of re-reading every book.
CREATE TABLE change_journal (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    entity_key  TEXT NOT NULL,
    source      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX ix_change_journal_entity ON change_journal (kind, entity_key);
