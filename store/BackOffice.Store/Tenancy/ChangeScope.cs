namespace BackOffice.Store.Tenancy;

/// <summary>
/// Which changes a computed figure depends on (issue 17: the report cache invalidates a report by what it reads).
/// </summary>
public enum ChangeScope
{
    /// <summary>Any commit to the tenant (findings, proposals, audit, the books...): the safe default.</summary>
    AnyCommit,

    /// <summary>
    /// What the agents read, as the incremental sweep tracks it: the change journal (the books' journaled writers), the
    /// `sweep_inputs` counter (the tables no journaled writer fills), audit events that can change data (executions,
    /// undos, imports, a pinned date; not approvals, rejections, edits, switches, sweeps or sign-ins) and the files in
    /// the inbox and price files. A gate decision or a sweep leaves it as it is; a raw SQL edit of the books that
    /// bypasses the writers is not seen (as for `sweep`, issue 18).
    /// </summary>
    Books,
}
