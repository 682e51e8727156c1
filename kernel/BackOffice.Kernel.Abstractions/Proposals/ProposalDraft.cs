using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>
/// What an agent would like done. Agents return drafts; only the gate stores, approves and executes them.
/// </summary>
/// <param name="Agent">Proposing agent's name, e.g. "financial".</param>
/// <param name="ActionKind">The executor that can carry it out, e.g. "ledger.create-bill".</param>
/// <param name="IdempotencyKey">Stable for the same facts: a re-sweep over unchanged data yields the same key
/// and therefore no new proposal. Also passed to the target (QuickBooks <c>requestid</c>), so at most 50 characters.</param>
/// <param name="Payload">The action's input, as the executor expects it; an approver may edit fields named in <paramref name="EditableFields"/>.</param>
/// <param name="Reversible">False when the action cannot be undone once executed; <paramref name="IrreversibleReason"/> says why, before approval.</param>
public sealed record ProposalDraft(
    string Agent,
    string ActionKind,
    string Title,
    RiskClass Risk,
    string IdempotencyKey,
    JsonObject Payload,
    IReadOnlyList<Figure> Figures,
    string Narrative,
    IReadOnlyList<string> EditableFields,
    bool Reversible = true,
    string? IrreversibleReason = null,
    string? FindingKey = null);
