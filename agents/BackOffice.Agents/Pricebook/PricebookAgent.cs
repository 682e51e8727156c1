using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Agents.Pricebook;

/// <summary>
/// Re-costs the pricebook from each vendor's latest imported price file (issue 8): proposes price updates, flags
/// outsized jumps and stale prices, sends ambiguous matches to a person, and says which open estimates would move.
/// </summary>
public sealed class PricebookAgent(PricebookOptions options) : IAgent
{
    public string Name => "pricebook";

    public string Department => "estimating";

    /// <summary>Issue 18: its loads read the pricebook, price files and estimates: no bill lines, no timecards (only Financial's loads read ledger_bill_lines).</summary>
    public IReadOnlySet<string> TablesNotRead { get; } = AgentTables.Of("ledger_bill_lines", "workforce_timecards");

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        var picture = await PricebookAnalysis.RunAsync(context.Data, options, context.AsOf, cancellationToken);
        context.Progress.Report($"pricebook: {picture.Items.Count} items, {picture.Files.Count} vendor price files");
        // Issue 12: each check returns what it found; per file, its changes then its matching problems.
        return CheckResult.Combine(picture.Files.SelectMany(file => new[] { Changes(file, picture), PricebookFindings.Matching(file) })).ToSweepResult();
    }

    private CheckResult Changes(FileAnalysis file, PricebookPicture picture)
    {
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        var changes = file.Recosts.Where(r => r.Recost.Changes).ToList();
        var stale = changes.Where(r => r.Recost.Stale).ToList();
        if (stale.Count > 0)
        {
            findings.Add(PricebookFindings.Stale(file, stale, options.StaleAfterDays));
        }

        var fresh = changes.Where(r => !r.Recost.Stale).ToList();
        var routine = fresh.Where(r => !r.Recost.OverThreshold).ToList();
        if (routine.Count > 0)
        {
            proposals.Add(PricebookProposals.Build(file, routine, picture, null));
        }

        foreach (var jump in fresh.Where(r => r.Recost.OverThreshold))
        {
            var finding = PricebookFindings.Jump(file, jump, options.ChangeThresholdPercent);
            findings.Add(finding);
            proposals.Add(PricebookProposals.Build(file, [jump], picture, finding.Key));
        }

        return CheckResult.Of(findings, proposals);
    }
}
