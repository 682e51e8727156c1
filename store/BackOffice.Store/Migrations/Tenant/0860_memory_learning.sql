-- Issue 12: memory learns incrementally. One row per memory store (SQLite or a Qdrant server, and the embedder space it
-- writes) holding the last audit event whose decisions it has learned; the next sweep reads only the events after it.
-- Keyed by store, so switching Memory:Store (or the embedding model) starts that store from the beginning once.
CREATE TABLE memory_learning (
    store TEXT PRIMARY KEY,
    learned_seq INTEGER NOT NULL,
    learned_at TEXT NOT NULL
);
