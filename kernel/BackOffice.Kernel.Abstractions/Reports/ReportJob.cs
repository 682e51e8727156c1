namespace BackOffice.Kernel.Abstractions.Reports;

/// <summary>
/// Issue 17: the one job a report was asked for, however it was named (a project job's id, number or name, the ledger
/// customer it is, or a unique prefix). Each report matches its own rows by <see cref="Is"/>: the project side by the
/// job's id, the ledger side by the customer ids the job is linked to.
/// </summary>
/// <param name="Label">The job as a person reads it: "2026-102 Harbor Point Office TI - Suite 300", or the customer's full name.</param>
/// <param name="ProjectJobId">The project job, or null for a ledger customer no project job is linked to.</param>
/// <param name="LedgerCustomerIds">The ledger customers that are this job (the linked sub-customer), possibly none.</param>
public sealed record ReportJob(string Label, string? ProjectJobId, string? Number, IReadOnlyList<string> LedgerCustomerIds)
{
    /// <summary>Whether a row's job or customer id is this job.</summary>
    public bool Is(string? id) =>
        id is not null && (string.Equals(id, ProjectJobId, StringComparison.Ordinal) || LedgerCustomerIds.Contains(id, StringComparer.Ordinal));

    /// <summary>The project job's id to filter project-side figures by; a ledger-only job filters to nothing rather than to everything.</summary>
    public string ProjectKey => ProjectJobId ?? Label;
}

/// <summary>
/// Issue 17: a job no record of the tenant's books is named by, or a prefix more than one job starts with. The message
/// names what was given and the candidates, so a typo is an error a person can act on, never an empty report.
/// </summary>
// An ArgumentException: bad input, so the API answers 400 and the CLI exits 2 (README's exit codes).
public sealed class UnknownJobException(string given, IReadOnlyList<string> candidates, bool ambiguous, int more)
    : ArgumentException(ambiguous
        ? $"The job '{given}' is ambiguous: it could be {List(candidates, more)}. Give more of its number or name."
        : $"There is no job '{given}': give a job's number, name or id as the project or the ledger knows it. "
          + (candidates.Count == 0 ? "The books have no jobs." : $"Jobs: {List(candidates, more)}."))
{
    public string Given { get; } = given;

    public IReadOnlyList<string> Candidates { get; } = candidates;

    public bool Ambiguous { get; } = ambiguous;

    private static string List(IReadOnlyList<string> candidates, int more) =>
        string.Join("; ", candidates) + (more > 0 ? $" (and {more} more)" : "");
}
