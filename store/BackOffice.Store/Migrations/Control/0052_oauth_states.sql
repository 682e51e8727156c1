-- Issue 13/14 in the console: the state of a "Connect QuickBooks/Procore" sign-in started from the console, kept
-- server-side until the provider redirects back. Only the SHA-256 of the state is stored (the state itself travels in
-- the browser's URL); the row binds it to the tenant, the user who pressed the button, the system and the redirect URI
-- that was sent, and expires after minutes. Taking it deletes it, so a state is used once.
CREATE TABLE oauth_states (
    state_hash TEXT PRIMARY KEY,
    tenant TEXT NOT NULL,
    user_id TEXT NOT NULL,
    source TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    company_id TEXT,
    expires_at TEXT NOT NULL);
