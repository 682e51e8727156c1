-- Issue 17: the PostgreSQL twin of Tenant/1993_console_lists.sql: the console's inbox order, open findings by severity
-- and the audit log's actor and kind filters as indexes, tenant_id first (row-level security adds the tenant to every query).
CREATE INDEX IF NOT EXISTS proposals_list_order ON proposals(
    tenant_id,
    ((CASE state WHEN 'proposed' THEN 0 WHEN 'failed' THEN 1 WHEN 'approved' THEN 2 WHEN 'executing' THEN 2 WHEN 'executed' THEN 3 ELSE 4 END) * 2 + (CASE WHEN risk = 'Routine' THEN 1 ELSE 0 END)),
    id);
CREATE INDEX IF NOT EXISTS findings_open_by_severity ON findings(tenant_id, (CASE severity WHEN 'Critical' THEN 0 WHEN 'Warning' THEN 1 ELSE 2 END), key)
    WHERE resolved_at IS NULL;
CREATE INDEX IF NOT EXISTS audit_events_kind ON audit_events(tenant_id, kind, seq);
CREATE INDEX IF NOT EXISTS audit_events_actor ON audit_events(tenant_id, actor, seq);
