-- Issue 18: the PostgreSQL twin of Tenant/1985_proposal_inbox_order.sql: the inbox order as an index, tenant_id first
-- (row-level security adds the tenant to every query). The expressions are ProposalPages.Rank and .Routine.
CREATE INDEX proposals_inbox ON proposals(
    tenant_id,
    (CASE state WHEN 'proposed' THEN 0 WHEN 'failed' THEN 1 WHEN 'approved' THEN 2 WHEN 'executing' THEN 2 WHEN 'executed' THEN 3 ELSE 4 END),
    (CASE WHEN risk = 'Routine' THEN 1 ELSE 0 END),
    id);
