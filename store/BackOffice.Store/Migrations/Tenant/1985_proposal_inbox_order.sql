-- Issue 18: the inbox order (open before decided, money and legal before routine, then id) as an index, so a page of
-- the API's list reads its rows in order and stops at the limit instead of sorting every proposal per request.
-- ProposalPages.Rank and .Routine are these expressions, character for character (SQLite matches an expression
-- index only to the same expression).
CREATE INDEX proposals_inbox ON proposals(
    (CASE state WHEN 'proposed' THEN 0 WHEN 'failed' THEN 1 WHEN 'approved' THEN 2 WHEN 'executing' THEN 2 WHEN 'executed' THEN 3 ELSE 4 END),
    (CASE WHEN risk = 'Routine' THEN 1 ELSE 0 END),
    id);
