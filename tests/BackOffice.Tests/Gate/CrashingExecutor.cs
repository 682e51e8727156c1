using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Tests.Gate;

public enum Crash
{
    None,

    /// <summary>The process dies before the target is called.</summary>
    BeforeWrite,

    /// <summary>The target wrote, then the process died before the outcome was recorded.</summary>
    AfterWrite,

    /// <summary>The target refuses the write (issue 19: a failure after the executor ran).</summary>
    Refuse,
}

/// <summary>Wraps an executor and simulates a crash once, as an <see cref="OperationCanceledException"/> (outcome unknown).</summary>
public sealed class CrashingExecutor(IActionExecutor inner) : IActionExecutor
{
    public Crash Next { get; set; }

    public int TargetCalls { get; private set; }

    public string ActionKind => inner.ActionKind;

    public Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken) =>
        inner.CapturePriorStateAsync(request, cancellationToken);

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var crash = Next;
        Next = Crash.None;
        if (crash == Crash.BeforeWrite)
        {
            throw new OperationCanceledException("simulated crash before the target was called");
        }

        if (crash == Crash.Refuse)
        {
            throw new InvalidOperationException("simulated refusal by the target");
        }

        TargetCalls++;
        var outcome = await inner.ExecuteAsync(request, cancellationToken);
        return crash == Crash.AfterWrite ? throw new OperationCanceledException("simulated crash after the target wrote") : outcome;
    }

    public PayloadReview Review(JsonObject payload) => inner.Review(payload);

    public Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken) =>
        inner.UndoAsync(request, priorState, outcome, cancellationToken);
}
