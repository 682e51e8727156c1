using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Audit;

/// <summary>
/// Appends events to a hash chain (DESIGN.md rule 5). Kinds are dotted verbs: "proposal.created",
/// "proposal.approved", "proposal.executed", "proposal.undone", "switch.toggled", "import.completed", "sweep.completed".
/// </summary>
public sealed record AuditEntry(string Actor, string Kind, string Subject, JsonObject Data);
