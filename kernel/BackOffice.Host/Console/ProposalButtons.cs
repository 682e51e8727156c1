using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Collections;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Which of the gate's verbs a person may use on a proposal now, and why not otherwise (issue 17), from the same
/// <see cref="GatePolicy"/> and state machine the gate enforces, so the console offers no button the gate would refuse
/// (the gate still checks: this only decides what is shown).
/// </summary>
public sealed record ProposalButtons(IReadOnlyDictionary<string, string?> Refusals, string? UndoWarning)
{
    public static readonly string[] Verbs = ["approve", "reject", "edit", "execute", "undo"];

    /// <summary>Null when <paramref name="verb"/> is offered; otherwise the reason it is not.</summary>
    public string? WhyNot(string verb) => Refusals.GetValueOrDefault(verb);

    public bool Allows(string verb) => WhyNot(verb) is null;

    /// <summary>
    /// Issue 19: the facts come from the gate itself (<see cref="ProposalGate.FactsFor"/>), amount limits and the
    /// amount's editor included, so Approve is not offered above the person's limit and the page says why.
    /// </summary>
    public static async Task<ProposalButtons> ForAsync(TenantData data, Actor actor, ProposalRow row, ProposalGate gate, CancellationToken ct)
    {
        var facts = gate.FactsFor(row);
        var delivered = row.State == ProposalStates.Executed && row.Reversible != 0 && await data.Outbox.GetAsync(row.IdempotencyKey, ct) is { } message
                        && message.State is OutboxStates.Delivered or OutboxStates.Delivering
            ? $"The message was {(message.DeliveredAt is null ? "being delivered" : "delivered")} already: it cannot be undone any more."
            : null;
        var refusals = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var verb in Verbs)
        {
            var policy = verb == "approve" ? GatePolicy.CanApprove(actor, facts) : GatePolicy.CanAct(actor, facts, verb);
            refusals[verb] = StateRefusal(verb, row) ?? (verb == "undo" ? delivered : null) ?? (policy.Allowed ? null : policy.Reason);
        }

        return new ProposalButtons(refusals, delivered);
    }

    /// <summary>Bulk approve or reject (issue 17) takes only routine proposals (never money, so no amount limit applies) still proposed that this person may approve.</summary>
    public static bool CanBulkDecide(Actor actor, ProposalRow row, GateOptions options) =>
        row.State == ProposalStates.Proposed && row.Risk == nameof(RiskClass.Routine)
        && GatePolicy.CanApprove(actor, Facts(row, options)).Allowed;

    private static ProposalFacts Facts(ProposalRow row, GateOptions options) =>
        new(Enum.Parse<RiskClass>(row.Risk), row.Agent, options.AgentDepartments.TryGetValue(row.Agent, out var d) ? d : null, row.ProposedBy);

    /// <summary>What the proposal's state (and its reversibility) says about a verb, in words.</summary>
    public static string? StateRefusal(string verb, ProposalRow row) => (verb, row.State) switch
    {
        ("approve" or "reject" or "edit", ProposalStates.Proposed) => null,
        ("approve" or "reject" or "edit", _) => $"It is {row.State}: only a proposed proposal is {Past(verb)}.",
        ("execute", ProposalStates.Approved or ProposalStates.Failed) => null,
        ("execute", ProposalStates.Proposed) => "It must be approved before it is executed.",
        ("execute", _) => $"It is {row.State}: nothing to execute.",
        ("undo", ProposalStates.Executed) when row.Reversible == 0 => $"It cannot be undone: {row.IrreversibleReason}",
        ("undo", ProposalStates.Executed) => null,
        ("undo", _) => $"It is {row.State}: only an executed proposal is undone.",
        _ => $"Unknown verb {verb}.",
    };

    private static string Past(string verb) => verb switch
    {
        "approve" => "approved",
        "reject" => "rejected",
        _ => "edited",
    };
}
