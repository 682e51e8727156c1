using System.Text.Json.Serialization;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Financial.Actions;

/// <summary>
/// The "map.link" payload (issue 3): link project record <c>project_id</c> of <c>kind</c> (vendor|job) to ledger record
/// <c>ledger_id</c>; <c>candidates</c> are the ledger records the matcher found plausible, for the approver.
/// </summary>
/// <param name="LinkKind">Stored as "kind", as since issue 3; named apart from the action's <see cref="Kind"/>.</param>
public sealed record LinkRecordsPayload(
    [property: JsonPropertyName("kind")] string LinkKind, string ProjectId, string LedgerId, IReadOnlyList<string> Candidates) : IActionPayload
{
    public static string Kind => "map.link";

    public (string Kind, string ProjectId, string LedgerId) Checked() =>
        LinkKind is not ("vendor" or "job") || string.IsNullOrWhiteSpace(ProjectId) || string.IsNullOrWhiteSpace(LedgerId)
            ? throw new ProposalPayloadException($"{Kind} needs kind (vendor|job), project_id and ledger_id.")
            : (LinkKind, ProjectId, LedgerId);
}
