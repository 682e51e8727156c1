using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Documents;

/// <summary>
/// Reads the tenant's inbox (issue 6): classifies and extracts each document, checks and matches bills, routes
/// documents to their job folder, and watches insurance certificates. Proposes drafted A/P bills (Money) and
/// filings (Routine); every exception becomes a finding with its reason. It never writes anything itself.
/// </summary>
public sealed class DocumentsAgent(DocumentsOptions options) : IAgent
{
    public DocumentsAgent()
        : this(new DocumentsOptions())
    {
    }

    public string Name => "documents";

    public string Department => "finance";

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        var analyses = await DocumentReview.AnalyzeAsync(context.Data, context.AsOf, options, cancellationToken);
        var data = await DocumentsData.LoadAsync(context.Data, cancellationToken);
        context.Progress.Report($"documents: {analyses.Count} documents in the inbox");
        var findings = new List<Finding>();
        var proposals = new List<ProposalDraft>();
        foreach (var analysis in analyses)
        {
            findings.AddRange(DocumentFindings.For(analysis));
            if (BillProposal.For(analysis, data) is { } bill)
            {
                findings.Add(bill.Finding);
                proposals.Add(bill.Proposal);
            }
        }

        findings.AddRange(DocumentFindings.ExpiredCertificatesInUse(analyses, data, context.AsOf));
        proposals.AddRange(FileProposal.For(analyses));
        return new SweepResult(findings, proposals);
    }
}
