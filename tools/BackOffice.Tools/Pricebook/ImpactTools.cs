using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Pricebook;

namespace BackOffice.Tools.Pricebook;

/// <summary>How one open estimate line would move: its extension at its quoted price and at the new sell price.</summary>
public sealed record EstimateLineImpact(EstimateLine Line, decimal OldExtension, decimal NewExtension)
{
    public decimal Change => NewExtension - OldExtension;
}

/// <summary>How one budget line's planned material cost would move at the new unit cost.</summary>
public sealed record BudgetLineImpact(BudgetMaterial Material, decimal OldCost, decimal NewCost)
{
    public decimal Change => NewCost - OldCost;
}

/// <summary>What applying new prices would move downstream (issue 8). Extensions are quantity x price, each rounded to the cent (MoneyMath), as an estimate prints them.</summary>
public static class ImpactTools
{
    [Description("Open estimate lines whose total moves when new sell prices apply, with old and new extensions.")]
    public static IReadOnlyList<EstimateLineImpact> EstimateImpacts(
        [Description("Lines of open estimates")] IReadOnlyList<EstimateLine> lines,
        [Description("Item id -> new sell price")] IReadOnlyDictionary<string, decimal> newSellPrices) =>
        lines.Where(l => newSellPrices.ContainsKey(l.ItemId))
            .Select(l => new EstimateLineImpact(l, MoneyMath.RoundToCent(l.Quantity * l.UnitPrice), MoneyMath.RoundToCent(l.Quantity * newSellPrices[l.ItemId])))
            .Where(i => i.Change != 0m)
            .ToList();

    [Description("Budget lines of open jobs whose planned material cost moves when new unit costs apply.")]
    public static IReadOnlyList<BudgetLineImpact> BudgetImpacts(
        [Description("Planned material quantities on budget lines of open jobs")] IReadOnlyList<BudgetMaterial> materials,
        [Description("Item id -> (old unit cost, new unit cost)")] IReadOnlyDictionary<string, (decimal Old, decimal New)> costs) =>
        materials.Where(m => costs.ContainsKey(m.ItemId))
            .Select(m => new BudgetLineImpact(m, MoneyMath.RoundToCent(m.Quantity * costs[m.ItemId].Old), MoneyMath.RoundToCent(m.Quantity * costs[m.ItemId].New)))
            .Where(i => i.Change != 0m)
            .ToList();
}
