-- Issue 19: what the approver sees is what executes. The first edit keeps what the agent proposed (title, figures,
-- narrative, payload) so the console and the CLI can show the edit as a diff; amount_edited_by names the person who
-- last changed a money amount, who may then not approve it (a second person must).
ALTER TABLE proposals ADD COLUMN original_json TEXT;
ALTER TABLE proposals ADD COLUMN amount_edited_by TEXT;
