-- Issue 13/14 on PostgreSQL: the twin of Control/0052_oauth_states.sql, the console's pending OAuth sign-ins, shared by
-- every host (the redirect may come back to another host than the one that sent the browser away).
CREATE TABLE oauth_states (
    state_hash TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    user_id TEXT NOT NULL,
    source TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    company_id TEXT,
    expires_at TEXT NOT NULL);
