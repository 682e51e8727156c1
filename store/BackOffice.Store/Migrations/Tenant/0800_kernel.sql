-- Issue 4: per-tenant memory (the embedded default store) and the narration cache.
CREATE TABLE memory_items (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    learned_at TEXT NOT NULL,
    -- little-endian float32 array from the configured embedder
    vector BLOB NOT NULL,
    PRIMARY KEY (kind, key)
);

-- A narrative is reused while the hash of its facts is unchanged: no model call for an unchanged finding.
CREATE TABLE narration_cache (
    facts_hash TEXT PRIMARY KEY,
    subject_key TEXT NOT NULL,
    narrative TEXT NOT NULL,
    -- "model" (passed the firewall) or "template" (the model's text was rejected)
    source TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
