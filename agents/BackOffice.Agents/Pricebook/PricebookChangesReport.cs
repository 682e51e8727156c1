using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Pricebook;

/// <summary>
/// `backoffice report pricebook-changes`: every pricebook item each vendor's latest price file would re-cost, with
/// the change in dollars and percent, the new sell price, the flags, and the open estimates it would move (issue 8).
/// </summary>
public sealed class PricebookChangesReport(PricebookOptions options) : IReport
{
    public string Name => "pricebook-changes";

    public string Description => "Re-costed pricebook items from each vendor's latest price file: change $ and %, new sell price, flags, estimates moved";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var picture = await PricebookAnalysis.RunAsync(request.Data, options, request.AsOf, cancellationToken);
        var rows = picture.Files
            .SelectMany(f => f.Recosts.Select(r => Row(f, r, PricebookProposals.Impact([r], picture))))
            .ToList();
        return new ReportTable($"Pricebook changes for {request.Tenant} (threshold {options.ChangeThresholdPercent.ToString("0.##", CultureInfo.InvariantCulture)}%, stale after {options.StaleAfterDays} days)",
            ["id", "item", "vendor", "unit", "oldCost", "newCost", "costChange", "changePercent", "oldSell", "newSell", "flags", "estimatesMoving", "estimatesChange"],
            rows);
    }

    private static JsonObject Row(FileAnalysis file, ItemRecost r, PricebookProposals.ImpactSummary impact)
    {
        var flags = new List<string>();
        if (r.Recost.OverThreshold)
        {
            flags.Add("over-threshold");
        }

        if (r.Recost.Stale)
        {
            flags.Add("stale");
        }

        if (!r.Recost.Changes)
        {
            flags.Add("unchanged");
        }

        return new JsonObject
        {
            ["id"] = $"{r.Item.Id}:{file.File.Id}",
            ["itemId"] = r.Item.Id,
            ["item"] = r.Item.Description,
            ["vendor"] = file.File.Vendor,
            ["file"] = file.File.FileName,
            ["row"] = r.Line.Row,
            ["match"] = r.Basis.ToString(),
            ["unit"] = r.Item.Unit,
            ["oldCost"] = UnitCostE4.Text(r.Recost.OldUnitCost),
            ["newCost"] = UnitCostE4.Text(r.Recost.NewUnitCost),
            ["costChange"] = UnitCostE4.Text(r.Recost.CostChange),
            ["changePercent"] = r.Recost.CostChangePercent?.ToString("0.00", CultureInfo.InvariantCulture),
            ["oldSell"] = r.Recost.OldSellPrice is { } o ? MoneyText.Plain(o) : null,
            ["newSell"] = r.Recost.NewSellPrice is { } n ? MoneyText.Plain(n) : null,
            ["sellBasis"] = r.Recost.Basis.ToString(),
            ["flags"] = string.Join(",", flags),
            ["effective"] = r.Line.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["estimatesMoving"] = impact.Estimates.Select(e => e.Line.EstimateId).Distinct().Count(),
            ["estimatesChange"] = MoneyText.Plain(impact.Estimates.Sum(e => e.Change)),
            ["budgetChange"] = MoneyText.Plain(impact.Budgets.Sum(b => b.Change)),
        };
    }
}
