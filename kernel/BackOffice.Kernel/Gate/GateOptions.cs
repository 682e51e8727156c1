namespace BackOffice.Kernel.Gate;

public sealed class GateOptions
{
    public const string SectionName = "Gate";

    /// <summary>Agent name to the department whose lead approves its money and legal proposals, e.g. "financial" -> "finance".</summary>
    public IDictionary<string, string> AgentDepartments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long an execution (or undo) claim holds before another caller may resume it.</summary>
    public int ExecutionLeaseSeconds { get; init; } = 300;
}
