using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Proposals;
using BackOffice.Store.Records;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Gate;

/// <summary>
/// Issue 19: what the approver sees is what executes. The payload is reviewed by its kind's record (types, dates,
/// amounts, sign rules) and every record it names must exist and be active, at edit time and again before execution.
/// </summary>
public sealed partial class ProposalGate
{
    /// <summary>The payload's own checks, then its references looked up in this unit's snapshot.</summary>
    private async Task<PayloadReview> ReviewAsync(DataUnit unit, ProposalRow row, JsonObject payload, CancellationToken cancellationToken)
    {
        var review = ExecutorFor(row).Review(payload);
        if (review.Problems.Count > 0)
        {
            return review;
        }

        var problems = new List<PayloadProblem>();
        foreach (var reference in review.References)
        {
            var status = string.IsNullOrWhiteSpace(reference.Id)
                ? RecordStatus.Missing
                : await RecordReferenceStore.StatusAsync(unit, reference.Kind, reference.Id, cancellationToken);
            if (status != RecordStatus.Active)
            {
                var what = reference.Kind.ToString().ToLowerInvariant();
                problems.Add(new PayloadProblem(reference.Field,
                    status == RecordStatus.Missing ? $"no {what} '{reference.Id}' exists." : $"{what} '{reference.Id}' is inactive."));
            }
        }

        return problems.Count > 0 ? review with { Problems = problems, Summary = null } : review;
    }

    /// <summary>What the agent proposed, kept with the first edit so every later view can diff against it.</summary>
    private static string OriginalOf(ProposalRow row) =>
        row.OriginalJson ?? new JsonObject
        {
            ["title"] = row.Title,
            ["figures"] = JsonNode.Parse(row.FiguresJson),
            ["narrative"] = row.Narrative,
            ["payload"] = JsonNode.Parse(row.PayloadJson),
        }.ToJsonString();

    /// <summary>
    /// The stored edit: title, figures and narrative recomputed from the edited payload when its kind describes itself,
    /// with a sentence saying who changed what; otherwise the agent's title and figures stay and the sentence is added.
    /// </summary>
    private ProposalEdit EditOf(
        ProposalRow row, JsonObject payload, PayloadSummary? summary, decimal? amountBefore, string changed, string by, bool amountChanged)
    {
        var original = OriginalOf(row);
        var agentNarrative = JsonNode.Parse(original)!["narrative"]!.GetValue<string>();
        var amountText = amountChanged && summary?.Amount is { } after && amountBefore is { } before
            ? $" The amount changed from {MoneyText.Usd(before)} to {MoneyText.Usd(after)}; a second person must approve it."
            : "";
        var edited = $"Edited by {by} ({changed}).{amountText}";
        return summary is null
            ? new ProposalEdit(payload.ToJsonString(), row.Title, row.FiguresJson, $"{edited} {agentNarrative}", original,
                null, by, Now())
            : new ProposalEdit(payload.ToJsonString(), summary.Title, JsonSerializer.Serialize(summary.Figures, FigureJson.Options),
                $"{edited} {summary.Narrative}", original, amountChanged ? by : null, by, Now());
    }
}
