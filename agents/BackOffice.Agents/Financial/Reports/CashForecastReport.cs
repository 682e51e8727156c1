using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Financial;
using BackOffice.Tools.Financial;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report cash-forecast`: 30/60/90-day cash in and out (issue 3). The bundle carries no bill payments, so a
/// bill counts as open until its due date and bills already past due are left out; the report says so. With no ledger
/// invoices and no bills at all it fails closed instead of forecasting zero (DESIGN.md rule 7).
/// </summary>
public sealed class CashForecastReport(FinancialOptions options) : IReport
{
    public string Name => "cash-forecast";

    public string Description => "30/60/90-day cash forecast: receipts by each customer's payment history, expected billings (pay applications not billed yet), payables by due date, payroll at its recent weekly average";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var analysis = await ReportCells.AnalyseAsync(request, options, cancellationToken);
        // Issue 17: its own reads kept with the analysis and refreshed per key with it.
        var cash = await request.Times.TimedAsync("cash inputs", () => CashForecastInputs.GetAsync(request, cancellationToken));
        var title = ReportCells.Title("Cash forecast", request);
        string[] columns = ["days", "receipts", "expectedBillings", "payables", "payroll", "net", "cumulative", "note"];
        var bills = cash.Bills;
        if (analysis.Data.Books.Invoices.Count == 0 && bills.Count == 0)
        {
            return new ReportTable(title, columns, [new JsonObject { ["id"] = "ledger-missing", ["note"] = "no ledger invoices or bills: the ledger side is missing, so there is no forecast" }]);
        }

        var applied = cash.Applied(analysis).Where(p => p.PaidDate <= request.AsOf).ToList();
        var paidByInvoice = applied.GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount), StringComparer.Ordinal);
        var receivables = analysis.Data.Books.Invoices.Where(i => i.TxnDate <= request.AsOf)
            .Select(i => new Receivable(i.Id, i.CustomerId, i.TxnDate, i.DueDate, i.Total - paidByInvoice.GetValueOrDefault(i.Id)))
            .Where(r => r.OpenAmount > 0m).ToList();
        // Issue 13: a connected QuickBooks brings bill payments and vendor credits; what they settle is not owed any more.
        var billPayments = cash.BillPayments;
        var payables = OpenPayablesTools.Open(
            bills.Where(b => b.DueDate is not null).Select(b => new Payable(b.BillId, b.DueDate!.Value, b.Total, b.VendorId)).ToList(),
            billPayments, cash.VendorCredits, request.AsOf);
        var payroll = cash.Payroll.Where(p => p.WeekStart <= request.AsOf).Select(p => new PayrollWeek(p.WeekStart, p.Gross)).ToList();
        var (billings, noRate) = ExpectedBillings(request, analysis, cash.RetainageTerms);
        var buckets = CashForecastTools.Forecast(request.AsOf, receivables,
            applied.Select(p => new PaidInvoice(p.CustomerId, p.InvoiceDate, p.PaidDate, p.Amount)).ToList(), payables, payroll, billings);
        var note = (billPayments.Count == 0 ? "bills count as open until due (no bill payments in the data)" : "bills count as open less the bill payments and vendor credits applied") + (payroll.Count == 0 ? "; no payroll on record" : "")
            + $"; expected billings: each job's earned less billed to date, less retainage, billed at month end and due by the customer's payment term or {options.OwnerInvoiceDueDays} days later"
            + (noRate > 0 ? $" ({noRate} job(s) state no retainage percent: none withheld)" : "");
        return new ReportTable(title, columns, buckets.Select(b => new JsonObject
        {
            ["id"] = $"{b.FromDay}-{b.ToDay}",
            ["days"] = $"{b.FromDay}-{b.ToDay}",
            ["receipts"] = ReportCells.Usd(b.Receipts),
            ["expectedBillings"] = ReportCells.Usd(b.ExpectedBillings),
            ["payables"] = ReportCells.Usd(b.Payables),
            ["payroll"] = ReportCells.Usd(b.Payroll),
            ["net"] = ReportCells.Usd(b.Net),
            ["cumulative"] = ReportCells.Usd(b.Cumulative),
            ["note"] = note,
        }).ToList());
    }

    /// <summary>
    /// Issue 17: each job's next owner pay application, billed at the end of the as-of month (the usual pay-app period)
    /// and due by <see cref="OwnerPaymentTerms.DueDate"/>; and how many jobs stated no retainage percent.
    /// </summary>
    private (IReadOnlyList<ExpectedBilling> Billings, int NoRate) ExpectedBillings(
        ReportRequest request, FinancialAnalysis analysis, IReadOnlyList<BackOffice.Domain.Financial.PayAppRetainageTerms> terms)
    {
        var payApps = analysis.Data.Books.PayApps;
        var monthEnd = new DateOnly(request.AsOf.Year, request.AsOf.Month, DateTime.DaysInMonth(request.AsOf.Year, request.AsOf.Month));
        var billings = new List<ExpectedBilling>();
        var noRate = 0;
        foreach (var row in analysis.Wip((string?)null).Where(r => r.Wip is { } w && w.EarnedRevenue > w.BilledToDate))
        {
            var rate = OwnerPaymentTerms.RetainagePercent(row.Job.JobId, payApps, terms, request.AsOf);
            noRate += rate is null ? 1 : 0;
            var due = OwnerPaymentTerms.DueDate(monthEnd, analysis.Data.CustomerTerms, options, row.LedgerJobId);
            billings.Add(new ExpectedBilling(row.Job.JobId, row.Wip!.EarnedRevenue, row.Wip.BilledToDate, rate ?? 0m, due));
        }

        return (billings, noRate);
    }
}
