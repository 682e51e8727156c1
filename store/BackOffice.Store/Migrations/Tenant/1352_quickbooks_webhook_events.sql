-- Issue 13: one row per entity operation a verified QuickBooks webhook named (the legacy payload's
-- dataChangeEvent.entities[] or one CloudEvent), keyed by the event inbox's event id, with what the sync did with it:
-- pending, fetched, deleted (locally), merged, skipped (with why) or failed (with the reason).
-- `backoffice report quickbooks-events` lists them, newest first.
CREATE TABLE quickbooks_webhook_events (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    realm_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    operation TEXT NOT NULL,
    last_updated TEXT,
    received_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'fetched', 'deleted', 'merged', 'skipped', 'failed')),
    detail TEXT,
    processed_at TEXT);
CREATE INDEX quickbooks_webhook_events_received ON quickbooks_webhook_events(received_at);
