using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report cost-detail --job J`: the transactions behind a job's cost figures, on both sides (issue 17).
/// Ledger side: every bill line and journal line posted to the job's ledger customer on a cost account as of the date;
/// they sum to the wip report's (unloaded) cost to date and the variance report's actual. Project side: every line of a
/// binding commitment and every approved commitment change order of the job as of the date; they sum to what the
/// variance report shows committed (plus change orders without a cost code, which sit on no budget line).
/// Issue 17: each side has its own amount column (cost to date, committed), so a column's total adds one kind of figure.
/// </summary>
public sealed class CostDetailReport(FinancialOptions options) : IReport, IJobReport
{
    public const string Ledger = "ledger: cost to date";
    public const string Project = "project: committed";

    public string Name => "cost-detail";

    /// <summary>Issue 17: opened in the console with no job, the page asks for one in these words.</summary>
    public string Heading => "Cost detail";

    public string ChooseJob => "Choose a job to see the transactions behind its cost: ledger postings and project commitments.";

    public string Description => "Transactions behind a job's cost: ledger postings (cost to date) and project commitments (committed), each side summing to its figure";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        var job = request.Job is null
            ? throw new CostDetailJobException("The cost-detail report needs --job (a job number, name or id).")
            : await ReportCells.JobIdAsync(request, cancellationToken);
        var rows = new List<JsonObject>();
        if (job is not null && analysis.JobMap.TryGetValue(job, out var ledgerJob))
        {
            // Issue 17: the job's lines through the customer index, not every posting of the books.
            var postings = await request.Data.LedgerFinancials.CostPostingsAsync(ledgerJob, cancellationToken);
            rows.AddRange(postings.Where(p => p.TxnDate <= request.AsOf).Select(p => Row(
                $"{p.SourceTable}:{p.SourceId}", Ledger, p.TxnDate, $"{DocumentTable(p.SourceTable)}:{p.ParentId}", p.AccountId, p.CostCode, p.Amount, null)));
        }

        var data = analysis.Data;
        var committed = CommittedCostTools.Committed([.. data.Commitments.Values], data.Books.CommitmentLines, data.Books.ChangeOrders, request.AsOf);
        rows.AddRange(committed.Where(c => c.JobId == job).Select(c => Row(
            c.Source ?? c.CommitmentId, Project, null, $"project_commitments:{c.CommitmentId}", null, c.CostCode, null, c.Amount)));
        return new ReportTable(ReportCells.Title("Cost detail", request), ["side", "txnDate", "document", "account", "costCode", "costToDate", "committed"], rows);
    }

    /// <summary>
    /// Issue 17: a posting's document is its bill or journal entry (the line's parent), so the reference names the table
    /// the parent is in ("ledger_bills:bill-5010"), which the console shows as "Bill 5010 from ..." linked to that record.
    /// </summary>
    private static string DocumentTable(string lineTable) => lineTable switch
    {
        "ledger_bill_lines" => "ledger_bills",
        "ledger_journal_lines" => "ledger_journal_entries",
        _ => lineTable,
    };

    private static JsonObject Row(string id, string side, DateOnly? date, string document, string? account, string? costCode, decimal? costToDate, decimal? committed) => new()
    {
        ["id"] = id,
        ["side"] = side,
        ["txnDate"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["document"] = document,
        ["account"] = account,
        ["costCode"] = costCode,
        ["costToDate"] = ReportCells.Usd(costToDate),
        ["committed"] = ReportCells.Usd(committed),
    };
}

/// <summary>The cost-detail report asked for without a job: bad input (HTTP 400, exit 2).</summary>
public sealed class CostDetailJobException(string message) : ArgumentException(message);
