using BackOffice.Agents.Financial.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Matching;
using static BackOffice.Agents.Financial.FinancialFigures;

namespace BackOffice.Agents.Financial;

/// <summary>
/// A project vendor or job whose ledger twin is plausible but not certain (issue 3): a finding, and a Routine proposal
/// to link the two records that a person confirms once; the link then wins over names on every later sweep.
/// </summary>
internal static class LinkCheck
{
    public const string Check = "ambiguous-match";
    private const string Tool = nameof(CrossSystemMatcher) + "." + nameof(CrossSystemMatcher.Match);

    public static CheckResult Run(FinancialData data)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        foreach (var vendor in data.Vendors.Values)
        {
            var match = Traced(Tool, () => data.MatchVendor(vendor));
            Add("vendor", vendor.Id, vendor.Name, match, id => data.LedgerVendors[id].Name, "project_vendors", "ledger_vendors", findings, proposals);
        }

        foreach (var job in data.Jobs.Values.Where(j => j.Status != "closed"))
        {
            var match = Traced(Tool, () => data.MatchJob(job));
            Add("job", job.Id, job.Name, match, id => data.LedgerCustomers[id].FullyQualifiedName, "project_jobs", "ledger_customers", findings, proposals);
        }

        return CheckResult.Of(findings, proposals);
    }

    private static void Add(
        string kind, string projectId, string projectName, EntityMatch match, Func<string, string> ledgerName, string projectTable, string ledgerTable,
        List<Finding> findings, List<ProposalDraft> proposals)
    {
        if (match.Basis != MatchBasis.Ambiguous)
        {
            return;
        }

        var best = match.Candidates[0];
        var key = $"financial:{Check}:{kind}:{projectId}";
        var figures = new List<Figure>
        {
            Figure.Percent("similarity_percent", match.Score * 100m, Tool,
                [new SourceRef("project", projectTable, projectId), .. match.Candidates.Select(c => new SourceRef("ledger", ledgerTable, c))]),
            Figure.Count("candidates", match.Candidates.Count, Tool, [.. match.Candidates.Select(c => new SourceRef("ledger", ledgerTable, c))]),
        };
        var names = string.Join(", ", match.Candidates.Select(c => $"{ledgerName(c)} ({c})"));
        var narrative = $"The {kind} '{projectName}' ({projectId}) has no certain twin in the ledger; the closest are {names}. " +
            $"Proposed: link it to {ledgerName(best)} ({best}). Change ledger_id before approving if another is right; once linked, the link is used on every sweep.";
        findings.Add(new Finding(key, "financial", Check, Severity.Warning, $"Which ledger {kind} is '{projectName}'?", figures, narrative));
        var payload = ActionPayloadJson.ToJson(new LinkRecordsPayload(kind, projectId, best, [.. match.Candidates]));
        proposals.Add(new ProposalDraft("financial", LinkRecordsPayload.Kind, $"Link {kind} '{projectName}' to {ledgerName(best)}", RiskClass.Routine,
            ProposalKeys.For("fin-link-", payload), payload, figures, narrative, ["ledger_id"], FindingKey: key));
    }
}
