using BackOffice.Agents.Books;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Sweeps;

namespace BackOffice.Agents.Documents.Reports;

/// <summary>
/// Issue 17: what the Documents reports' review reads (the inbox's documents as read, and <see cref="DocumentsData"/>:
/// commitments and their totals, sub invoices, accounts, bill headers and memos, purchase orders, the cost code map and
/// the identity), with the sweep inputs it was read under. The next stamp's is brought up to date from it: the inbox is
/// kept (its files are in the stamp, so a new or changed file reads everything), and of the data only the parts whose
/// tables the journal names are read again; a write to anything else (bill or journal lines, invoices, payments,
/// budgets, pay apps, the workforce, the pricebook) keeps every part. The review itself is computed again (in memory).
/// </summary>
internal sealed record DocumentsSnapshot(SweepInputs Inputs, IReadOnlyList<DocumentReview.InboxFile> Inbox, DocumentsData Data)
{
    private const string Key = "documents-data";

    /// <summary>The masters and links the identity is resolved from.</summary>
    private static readonly string[] IdentityTables = ["project_jobs", "project_vendors", "ledger_vendors", "ledger_customers", "map_links"];

    /// <summary>The tables commitments' totals are computed from (change orders approved by the date).</summary>
    private static readonly string[] CommitmentTables = ["project_commitments", "project_commitment_lines", "project_change_orders", "project_change_order_lines"];

    /// <summary>The memo's, else the previous stamp's refreshed per table, else read (with the inbox) in full.</summary>
    public static async Task<DocumentsSnapshot> GetAsync(ReportRequest request, ReportMemo memo) =>
        await memo.GetOrAddAsync(Key, () => MakeAsync(request, memo, CancellationToken.None));

    private static async Task<DocumentsSnapshot> MakeAsync(ReportRequest request, ReportMemo memo, CancellationToken cancellationToken)
    {
        // Read before the data: a write during the load is then also after this seq, and the next refresh reads it again.
        var inputs = await request.Data.SweepMarks.InputsAsync(cancellationToken);
        if (memo.Previous?.Base<DocumentsSnapshot>(Key) is { } before
            && await RefreshChanges.SinceAsync(request, before.Inputs, inputs, cancellationToken) is (var changes, var links))
        {
            memo.CountPerKey();
            return before with { Inputs = inputs, Data = await RereadAsync(request, before.Data, changes, links, cancellationToken) };
        }

        var data = await DocumentsData.LoadAsync(request.Data, null, request.AsOf, cancellationToken);
        return new DocumentsSnapshot(inputs, await DocumentReview.ReadInboxAsync(request.Data, cancellationToken), data);
    }

    private static async Task<DocumentsData> RereadAsync(
        ReportRequest request, DocumentsData data, IReadOnlyList<JournalEntry> changes, bool links, CancellationToken cancellationToken)
    {
        var tables = changes.Select(c => c.Table).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var (tenant, ledger) = (request.Data, request.Data.Ledger);
        if (links || tables.Overlaps(IdentityTables))
        {
            data = data with { Identity = (await TenantBooks.LoadAsync(tenant, null, cancellationToken)).Identity };
        }

        if (tables.Overlaps(CommitmentTables))
        {
            var commitments = await tenant.Project.CommitmentsAsync(cancellationToken);
            var totals = CommitmentTotal.Compute(commitments, await tenant.ProjectFinancials.CommitmentLinesAsync(cancellationToken),
                await tenant.ProjectFinancials.ChangeOrdersAsync(cancellationToken), request.AsOf);
            data = data with { Commitments = commitments, CommitmentTotals = totals };
        }

        if (tables.Contains("project_sub_invoices") || tables.Contains("project_sub_invoice_lines"))
        {
            data = data with { SubInvoices = await tenant.Project.SubInvoicesAsync(cancellationToken) };
        }

        if (tables.Contains("ledger_accounts"))
        {
            data = data with { Accounts = await ledger.AccountsAsync(cancellationToken) };
        }

        if (tables.Contains("ledger_bills"))
        {
            // A bill's header row (date, number, total, status, memo); a line written alone changes neither read.
            data = data with { Bills = await ledger.BillHeadersAsync(cancellationToken), BillMemos = await tenant.Documents.BillMemosAsync(cancellationToken) };
        }

        if (tables.Contains("ledger_purchase_orders"))
        {
            data = data with { PurchaseOrders = await tenant.LedgerFinancials.PurchaseOrdersAsync(cancellationToken) };
        }

        if (tables.Contains("map_cost_code_accounts"))
        {
            data = data with { CostCodeAccounts = await ledger.CostCodeAccountsAsync(cancellationToken) };
        }

        return data;
    }
}
