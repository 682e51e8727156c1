using BackOffice.Store.Records;

namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// A payload that checks itself and says what it does (issue 19: what the approver sees is what executes). The gate
/// calls it when a person edits a proposal and again before execution, so an edit is refused at once, naming the field,
/// and the title, figures and narrative shown to the approver are recomputed from the payload that will execute.
/// </summary>
public interface IReviewedPayload
{
    /// <summary>Shape and value problems: missing fields, dates that are not yyyy-MM-dd or do not exist, amounts with more than 2 decimals or the wrong sign.</summary>
    IEnumerable<PayloadProblem> Validate();

    /// <summary>The records the payload names (accounts, vendors, jobs, ...), which must exist and be active.</summary>
    IEnumerable<PayloadReference> References();

    /// <summary>
    /// Title, figures and narrative computed from the payload alone, called only when <see cref="Validate"/> found
    /// nothing; <see cref="PayloadSummary.Amount"/> is the money it moves. Null when no editable field changes a figure
    /// (the agent's title and figures then stay true).
    /// </summary>
    PayloadSummary? Describe();
}

/// <summary>One problem with a payload: <paramref name="Field"/> is its path, e.g. "lines[2].amount".</summary>
public sealed record PayloadProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>A record a payload names at <paramref name="Field"/>.</summary>
public sealed record PayloadReference(string Field, RecordKind Kind, string Id);

/// <param name="Amount">The money the action moves (a bill's total, an adjustment), compared before and after an edit; null when none.</param>
public sealed record PayloadSummary(string Title, IReadOnlyList<Figure> Figures, string Narrative, decimal? Amount);

/// <summary>
/// The gate's view of a payload (issue 19). <see cref="Summary"/> is null when the payload cannot be read or its kind
/// does not describe itself (then the agent's title and figures stay).
/// </summary>
public sealed record PayloadReview(IReadOnlyList<PayloadProblem> Problems, IReadOnlyList<PayloadReference> References, PayloadSummary? Summary)
{
    public static PayloadReview Unchecked { get; } = new([], [], null);

    public static PayloadReview Of(IReviewedPayload payload)
    {
        var problems = payload.Validate().ToList();
        return problems.Count > 0
            ? new PayloadReview(problems, [], null)
            : new PayloadReview([], payload.References().ToList(), payload.Describe());
    }
}
