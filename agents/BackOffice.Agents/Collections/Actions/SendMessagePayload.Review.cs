using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Collections.Actions;

/// <summary>
/// Issue 19: an edited message still has a recipient and a body; the executor checks the body's figures again. Only
/// text is editable, so the agent's title and figures stay (Describe is null).
/// </summary>
public sealed partial record SendMessagePayload : IReviewedPayload
{
    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        PayloadChecks.Required(problems, "channel", Channel);
        PayloadChecks.Required(problems, "to", To);
        PayloadChecks.Required(problems, "body", Body);
        if (To is { } to && (to.Contains('\r', StringComparison.Ordinal) || to.Contains('\n', StringComparison.Ordinal)))
        {
            problems.Add(new PayloadProblem("to", "a recipient is one line."));
        }

        if (Subject is { } subject && (subject.Contains('\r', StringComparison.Ordinal) || subject.Contains('\n', StringComparison.Ordinal)))
        {
            problems.Add(new PayloadProblem("subject", "a subject is one line."));
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() => [];

    public PayloadSummary? Describe() => null;
}
