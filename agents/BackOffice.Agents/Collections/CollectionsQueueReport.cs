using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// `backoffice report collections-queue --as-of D` (issue 5): the worst-first worklist with each rank's score and
/// reason and the follow-up level due, then the open invoices taken off the list with why (status "not chased").
/// </summary>
public sealed class CollectionsQueueReport(CollectionsOptions options) : IReport
{
    public string Name => "collections-queue";

    public string Description => "Worst-first collections worklist with score, reason and follow-up level; what is not chased and why";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var data = await CollectionsData.LoadAsync(request.Data, null, cancellationToken);
        var worklist = CollectionsWorklist.Compute(data, request.AsOf, options.Buckets);
        // Issue 17: the job by any identifier; the ledger customers it is linked to.
        var job = await Books.ReportJobs.ForAsync(request, cancellationToken);
        bool Wanted(string customerId) => job is null || job.Is(customerId);
        var rows = worklist.Queue.Where(e => Wanted(e.Item.Item.Invoice.CustomerId)).Select(e =>
        {
            var level = FollowUpLevels.LevelFor(options.FollowUp, e.Item.Item.DaysPastDue, e.Item.BrokenPromise is not null);
            return Row(e.Item.Item, data, "chase", e.Rank, e.Item.ChaseAmount, e.Score,
                level is null ? "none yet" : $"{level.Number} {level.Name} ({level.Channel})", e.Reason);
        }).ToList();
        rows.AddRange(worklist.Chase.Removed.Where(r => Wanted(r.Item.Invoice.CustomerId))
            .Select(r => Row(r.Item, data, "not chased: " + r.Code, null, 0m, null, "", r.Reason)));
        return new ReportTable($"Collections queue for {request.Tenant} as of {request.AsOf:yyyy-MM-dd} (worst first)",
            ["rank", "id", "customer", "job", "dueDate", "daysPastDue", "open", "toChase", "score", "level", "status", "reason"], rows);
    }

    private static JsonObject Row(OpenItem item, CollectionsData data, string status, int? rank, decimal toChase, int? score, string level, string reason) => new()
    {
        ["id"] = item.Invoice.Id,
        ["rank"] = rank,
        ["invoice"] = item.Invoice.DocNumber,
        ["customer"] = data.NameOf(data.Root(item.Invoice.CustomerId)),
        ["job"] = data.NameOf(item.Invoice.CustomerId),
        ["dueDate"] = item.Invoice.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["daysPastDue"] = item.DaysPastDue,
        ["open"] = MoneyText.Plain(item.Open),
        ["toChase"] = MoneyText.Plain(toChase),
        ["score"] = score,
        ["level"] = level,
        ["status"] = status,
        ["reason"] = reason,
    };
}
