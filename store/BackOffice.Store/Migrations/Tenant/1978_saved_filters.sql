-- Issue 17: a person's named filters on a console worklist (the list's URL parameters), and which one the list opens
-- with for that person. Presentation state, not books: not journaled, not audited, never read by an agent.
CREATE TABLE saved_filters (
    user_name TEXT NOT NULL,
    list TEXT NOT NULL,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (user_name, list, name));
