using System.Globalization;
using BackOffice.Agents.Pricebook.Actions;
using BackOffice.Domain.Money;
using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Agents.Pricebook;

/// <summary>
/// Builds <see cref="PricebookUpdatePayload"/> proposals (issue 8). Risk is Money: a cost and sell price change flows into every
/// estimate priced from the book afterwards, so the estimating lead approves it even when the agent runs in auto mode.
/// Changes within the threshold go out as one proposal per file; each change above it gets its own proposal, so an
/// outsized jump is looked at alone and can be rejected without holding up the rest.
/// </summary>
public static class PricebookProposals
{
    private const string Tool = nameof(RecostTools) + "." + nameof(RecostTools.Recost);
    private const string ImpactTool = nameof(ImpactTools);

    public static ProposalDraft Build(FileAnalysis file, IReadOnlyList<ItemRecost> changes, PricebookPicture picture, string? findingKey)
    {
        var payload = ActionPayloadJson.ToJson(new PricebookUpdatePayload(file.File.Vendor, file.File.Id, file.File.FileName, [.. changes.Select(c =>
            new PricebookItemChange(c.Item.Id, c.Item.Description, UnitCostE4.Text(c.Recost.OldUnitCost),
                c.Recost.OldSellPrice is { } o ? MoneyText.Plain(o) : null, UnitCostE4.Text(c.Recost.NewUnitCost),
                c.Recost.NewSellPrice is { } n ? MoneyText.Plain(n) : null))]));
        var impact = Impact(changes, picture);
        var figures = Figures(file, changes, impact);
        var single = changes.Count == 1 ? changes[0] : null;
        var title = single is null
            ? $"Update {changes.Count} pricebook prices from {file.File.Vendor} ({file.File.FileName})"
            : $"Update {single.Item.Description}: cost ${UnitCostE4.Text(single.Recost.OldUnitCost)} -> ${UnitCostE4.Text(single.Recost.NewUnitCost)} per {single.Item.Unit}";
        return new ProposalDraft("pricebook", PricebookUpdatePayload.Kind, title, RiskClass.Money, ProposalKeys.For("pb-upd-", payload), payload, figures,
            Narrative(file, changes, impact), ["items"], FindingKey: findingKey);
    }

    public sealed record ImpactSummary(IReadOnlyList<EstimateLineImpact> Estimates, IReadOnlyList<BudgetLineImpact> Budgets);

    public static ImpactSummary Impact(IReadOnlyList<ItemRecost> changes, PricebookPicture picture)
    {
        using var activity = BackOfficeTelemetry.ToolCall(ImpactTool);
        var sell = changes.Where(c => c.Recost.NewSellPrice is not null).ToDictionary(c => c.Item.Id, c => c.Recost.NewSellPrice!.Value);
        var cost = changes.ToDictionary(c => c.Item.Id, c => (c.Recost.OldUnitCost, c.Recost.NewUnitCost));
        return new ImpactSummary(ImpactTools.EstimateImpacts(picture.EstimateLines, sell), ImpactTools.BudgetImpacts(picture.BudgetMaterials, cost));
    }

    private static List<Figure> Figures(FileAnalysis file, IReadOnlyList<ItemRecost> changes, ImpactSummary impact)
    {
        var sources = changes.SelectMany(c => new[]
        {
            new SourceRef("pricebook", "pricebook_items", c.Item.Id),
            new SourceRef("pricebook", "pricebook_price_lines", $"{file.File.Id}:{c.Line.Row}"),
        }).ToArray();
        var figures = new List<Figure> { Figure.Count("items", changes.Count, Tool, sources) };
        if (changes is [var one])
        {
            figures.Add(Cost("old_unit_cost", one.Recost.OldUnitCost, sources));
            figures.Add(Cost("new_unit_cost", one.Recost.NewUnitCost, sources));
            figures.Add(Cost("cost_change", one.Recost.CostChange, sources));
            if (one.Recost.CostChangePercent is { } pct)
            {
                figures.Add(Figure.Percent("cost_change_percent", pct, Tool, sources));
            }

            if (one.Recost.NewSellPrice is { } sell)
            {
                figures.Add(Figure.Usd("new_sell_price", sell, Tool, sources));
            }
        }

        var estimateSources = impact.Estimates.Select(e => new SourceRef("estimating", "estimate_lines", e.Line.LineId)).ToArray();
        figures.Add(Figure.Count("estimates_moving", impact.Estimates.Select(e => e.Line.EstimateId).Distinct().Count(), ImpactTool, estimateSources));
        figures.Add(Figure.Usd("estimates_change", impact.Estimates.Sum(e => e.Change), ImpactTool, estimateSources));
        figures.Add(Figure.Usd("budget_change", impact.Budgets.Sum(b => b.Change), ImpactTool,
            impact.Budgets.Select(b => new SourceRef("project", "project_budget_lines", b.Material.BudgetLineId)).ToArray()));
        return figures;
    }

    private static Figure Cost(string name, decimal value, SourceRef[] sources) => new(name, UnitCostE4.Text(value), "usd", Tool, sources);

    private static string Narrative(FileAnalysis file, IReadOnlyList<ItemRecost> changes, ImpactSummary impact)
    {
        var head = changes is [var one]
            ? $"{file.File.Vendor}'s price file {file.File.FileName} (row {one.Line.Row}) prices {one.Item.Description} at {UnitCostE4.Text(one.Recost.NewUnitCost)} " +
              $"per {one.Item.Unit}, against {UnitCostE4.Text(one.Recost.OldUnitCost)} in the pricebook" +
              (one.Recost.CostChangePercent is { } p ? $" ({p.ToString("0.##", CultureInfo.InvariantCulture)}%)" : "") +
              (one.Recost.NewSellPrice is { } s ? $"; the sell price becomes {MoneyText.Usd(s)}." : "; the item has no sell price.")
            : $"{file.File.Vendor}'s price file {file.File.FileName} changes the cost of {changes.Count} pricebook items, each by no more than the threshold.";
        var estimates = impact.Estimates.Select(e => e.Line.EstimateId).Distinct().Count();
        return head + (estimates == 0
            ? " No open estimate uses these items."
            : $" {estimates} open estimate(s) would move by {MoneyText.Usd(impact.Estimates.Sum(e => e.Change))} in total if repriced.") +
            (impact.Budgets.Count == 0 ? "" : $" Budget lines of open jobs would move by {MoneyText.Usd(impact.Budgets.Sum(b => b.Change))} in planned material cost.");
    }
}
