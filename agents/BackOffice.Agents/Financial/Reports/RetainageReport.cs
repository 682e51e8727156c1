using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Retainage;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report retainage [--job J]` (issue 16): retainage receivable per job and customer (each owner pay
/// application's change in retainage held to date, dated at its period end) and payable per job, vendor and
/// subcontract (each approved or paid sub invoice's retainage, at its invoice date), aged by when it was held, the
/// oldest released first (RetainageBalances). Buckets: 0-30, 31-60, 61-90, over 90 days as of --as-of.
/// </summary>
public sealed class RetainageReport : IReport
{
    private static readonly int[] Bands = [30, 60, 90];

    public string Name => "retainage";

    public string Description => "Retainage receivable (per job and customer) and payable (per job, vendor and subcontract), aged 0-30, 31-60, 61-90, over 90 days";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        var movements = (await ReceivableAsync(request.Data, cancellationToken)).Concat(await PayableAsync(request.Data, cancellationToken))
            .Where(m => m.Date <= request.AsOf && (job is null || job.Is(m.JobId))).ToList();
        var rows = RetainageBalances.Summarize(movements, request.AsOf, Bands).Select(b => new JsonObject
        {
            ["id"] = $"{b.Side}:{b.JobId}:{b.CommitmentId ?? b.Party}",
            ["side"] = b.Side,
            ["job"] = b.JobId,
            ["party"] = b.Party,
            ["commitment"] = b.CommitmentId,
            ["balance"] = MoneyText.Plain(b.Balance),
            ["days0to30"] = MoneyText.Plain(b.Buckets[0]),
            ["days31to60"] = MoneyText.Plain(b.Buckets[1]),
            ["days61to90"] = MoneyText.Plain(b.Buckets[2]),
            ["over90"] = MoneyText.Plain(b.Buckets[3]),
        }).ToList();
        return new ReportTable(RoundingStatements.Titled(ReportCells.Title("Retainage balances", request), RoundingStatements.RetainageBalances),
            ["side", "job", "party", "commitment", "balance", "days0to30", "days31to60", "days61to90", "over90"], rows);
    }

    private static async Task<IEnumerable<RetainageMovement>> ReceivableAsync(TenantData data, CancellationToken cancellationToken)
    {
        var customers = (await data.Project.JobsAsync(cancellationToken)).ToDictionary(j => j.Id, j => j.CustomerName ?? j.Name);
        return (await data.ProjectFinancials.PayAppsAsync(cancellationToken)).GroupBy(p => p.JobId).SelectMany(job =>
        {
            var held = 0m;
            return job.OrderBy(p => p.PeriodEnd).Select(p =>
            {
                var change = p.RetainageHeldToDate - held;
                held = p.RetainageHeldToDate;
                return new RetainageMovement("receivable", p.JobId, customers.GetValueOrDefault(p.JobId, p.JobId), null, p.PeriodEnd, change);
            }).ToList();
        });
    }

    private static async Task<IEnumerable<RetainageMovement>> PayableAsync(TenantData data, CancellationToken cancellationToken)
    {
        var commitments = (await data.Project.CommitmentsAsync(cancellationToken)).ToDictionary(c => c.Id);
        var vendors = (await data.Project.VendorsAsync(cancellationToken)).ToDictionary(v => v.Id, v => v.Name);
        return (await data.Project.SubInvoicesAsync(cancellationToken))
            .Where(i => i.Status is "approved" or "paid" && i.Retainage != 0m && commitments.ContainsKey(i.CommitmentId))
            .Select(i =>
            {
                var commitment = commitments[i.CommitmentId];
                return new RetainageMovement("payable", commitment.JobId, vendors.GetValueOrDefault(commitment.VendorId, commitment.VendorId), commitment.Number, i.InvoiceDate, i.Retainage);
            });
    }
}
