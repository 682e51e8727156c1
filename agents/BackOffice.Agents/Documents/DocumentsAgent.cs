using BackOffice.Agents.Books;
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

    /// <summary>Issue 18: its loads read DocumentsData reads bill headers and memos, not their lines (issue 18), and no timecards (only Financial's loads read ledger_bill_lines).</summary>
    public IReadOnlySet<string> TablesNotRead { get; } = AgentTables.Of("ledger_bill_lines", "workforce_timecards");

    public async Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
    {
        // Issue 13: books that stopped syncing (QuickBooks refused the refresh token) fail closed with one finding for the admin.
        if (await LedgerConnectionCheck.RunAsync(context.Data, Name, cancellationToken) is { } reconnect)
        {
            return reconnect.ToSweepResult();
        }

        // Issue 18: at a later date with the same inputs and an empty inbox, only policies whose status the date changed are read again.
        if (await DocumentsAsOfMove.TryAsync(this, context, options.CoiWindowDays, cancellationToken) is { } moved)
        {
            return moved;
        }

        // Issue 18: an empty inbox has no bill to match or to check for duplicates: only what the inbox-wide checks read
        // (masters, commitments), not every bill header and memo (150,000 of each on a 300-job tenant).
        var documents = await DocumentReview.ReadInboxAsync(context.Data, cancellationToken);
        var data = documents.Count == 0
            ? await DocumentsData.LoadForEmptyInboxAsync(context.Data, context.Memory, cancellationToken)
            : await DocumentsData.LoadAsync(context.Data, context.Memory, context.AsOf, cancellationToken);
        var analyses = DocumentReview.AnalyzeInbox(context.Data.Folder, documents, data, context.AsOf, options);
        context.Progress.Report($"documents: {analyses.Count} documents in the inbox");
        // Issue 12: each check returns what it found; per document its exceptions then its bill, then the inbox-wide checks.
        return CheckResult.Combine(
            CheckResult.Combine(analyses.Select(a => Review(a, data))),
            CheckResult.Of(DocumentFindings.ExpiredCertificatesInUse(analyses, data, context.AsOf)),
            CheckResult.Of(InsuranceOnFileCheck.Run(await context.Data.VendorInsurances.ListAsync(cancellationToken), data.Vendors, data.Commitments, context.AsOf, options.CoiWindowDays)),
            CheckResult.Of([], FileProposal.For(analyses))).ToSweepResult();
    }

    private static CheckResult Review(DocumentAnalysis analysis, DocumentsData data)
    {
        var exceptions = CheckResult.Of(DocumentFindings.For(analysis));
        return BillProposal.For(analysis, data) is { } bill ? exceptions + new CheckResult([bill.Finding], [bill.Proposal]) : exceptions;
    }
}
