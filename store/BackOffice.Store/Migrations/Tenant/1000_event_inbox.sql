-- Issue 9: the durable, deduplicated inbox of webhook events. A provider may deliver the same event twice;
-- (source, event_id) is unique, so the second delivery is recorded as a duplicate and triggers nothing.
CREATE TABLE event_inbox (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    agent TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    received_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'ignored')),
    processed_at TEXT,
    error TEXT,
    UNIQUE (source, event_id));
CREATE INDEX event_inbox_pending ON event_inbox(status);
