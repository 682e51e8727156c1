-- The sandbox ledger (the embedded default write target). Like QuickBooks' requestid, a request id seen before
-- returns the original response and writes nothing.
CREATE TABLE sandbox_requests (
    request_id TEXT PRIMARY KEY, operation TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,
    response_json TEXT NOT NULL, created_at TEXT NOT NULL);
-- Ids are "sbx-bill-1", "sbx-je-1": never reused, even after a delete, as in QuickBooks.
CREATE TABLE sandbox_sequences (
    entity_type TEXT PRIMARY KEY, last_value INTEGER NOT NULL);
