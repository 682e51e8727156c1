-- Issue 17: the console's inbox, open findings and audit log page in SQL (Store/Worklists/SqlList): the inbox order
-- (ProposalPages.List's "order": rank * 2 + routine, character for character, as SQLite matches an expression index
-- only to the same expression), open findings by severity, and the audit log's actor and kind filters read an index
-- and stop at the page's limit instead of reading every row per request.
CREATE INDEX IF NOT EXISTS proposals_list_order ON proposals(
    ((CASE state WHEN 'proposed' THEN 0 WHEN 'failed' THEN 1 WHEN 'approved' THEN 2 WHEN 'executing' THEN 2 WHEN 'executed' THEN 3 ELSE 4 END) * 2 + (CASE WHEN risk = 'Routine' THEN 1 ELSE 0 END)),
    id);
CREATE INDEX IF NOT EXISTS findings_open_by_severity ON findings((CASE severity WHEN 'Critical' THEN 0 WHEN 'Warning' THEN 1 ELSE 2 END), key)
    WHERE resolved_at IS NULL;
CREATE INDEX IF NOT EXISTS audit_events_kind ON audit_events(kind, seq);
CREATE INDEX IF NOT EXISTS audit_events_actor ON audit_events(actor, seq);
