-- Links between a project record and a ledger record that a person confirmed by approving a Financial agent proposal
-- (issue 3). Kept apart from map_links because the bundle importer owns map_links and a re-import would delete a
-- link the bundle does not carry; a confirmed link must be remembered. map_links (the tenant's own file) wins.
CREATE TABLE financial_links (
    kind TEXT NOT NULL, project_id TEXT NOT NULL, ledger_id TEXT NOT NULL, proposal_id INTEGER NOT NULL, confirmed_at TEXT NOT NULL,
    PRIMARY KEY (kind, project_id));
