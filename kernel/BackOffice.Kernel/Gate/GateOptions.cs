namespace BackOffice.Kernel.Gate;

public sealed class GateOptions
{
    public const string SectionName = "Gate";

    /// <summary>Agent name to the department whose lead approves its money and legal proposals, e.g. "financial" -> "finance".</summary>
    public IDictionary<string, string> AgentDepartments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Issue 19: the largest money amount a role of a department may approve or set by an edit, e.g.
    /// <c>Gate:AmountLimits:finance:lead = 25000</c>. A role with no limit listed has none. The amount checked is the
    /// proposal's amount as it stands, so an edit that raised it is judged by the raised amount.
    /// </summary>
    public IDictionary<string, IDictionary<string, decimal>> AmountLimits { get; init; } =
        new Dictionary<string, IDictionary<string, decimal>>(StringComparer.Ordinal);

    /// <summary>The limit of <paramref name="role"/> ("lead", "admin") in <paramref name="department"/>, or null for none.</summary>
    public decimal? LimitFor(string? department, string role) =>
        department is not null && AmountLimits.TryGetValue(department, out var roles) && roles.TryGetValue(role, out var limit) ? limit : null;

    /// <summary>How long an execution (or undo) claim holds before another caller may resume it.</summary>
    public int ExecutionLeaseSeconds { get; init; } = 300;
}
