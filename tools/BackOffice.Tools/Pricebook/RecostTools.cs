using System.ComponentModel;
using BackOffice.Domain.Pricebook;

namespace BackOffice.Tools.Pricebook;

/// <summary>How the sell price was set: a markup rule, the item's current markup kept, or a minimum-margin floor.</summary>
public enum PriceBasis
{
    MarkupRule,
    CurrentMarkup,
    MinimumMargin,
    NoSellPrice,
}

/// <param name="NewUnitCost">Dollars per pricebook unit, rounded to 4 decimals (what unit_cost_e4 stores).</param>
/// <param name="NewSellPrice">Rounded to the cent at <see cref="PriceRounding.SellPrice"/>; null when the item has no sell price and no rule gives one.</param>
/// <param name="CostChangePercent">Null when the old cost is zero.</param>
/// <param name="OverThreshold">The cost moved by more than the threshold percent either way (or from zero).</param>
/// <param name="Stale">The price's effective date is older than the stale limit on the as-of date.</param>
public sealed record Recost(
    string ItemId, decimal OldUnitCost, decimal NewUnitCost, decimal? OldSellPrice, decimal? NewSellPrice, PriceBasis Basis,
    decimal CostChange, decimal? CostChangePercent, decimal? SellChange, bool OverThreshold, bool Stale)
{
    public bool Changes => OldUnitCost != NewUnitCost || OldSellPrice != NewSellPrice;
}

/// <summary>Either a re-cost or why the line cannot re-cost the item without guessing.</summary>
public sealed record RecostResult(Recost? Recost, string? Problem);

/// <summary>Re-costs a pricebook item from a vendor price line (issue 8).</summary>
public static class RecostTools
{
    [Description("Re-cost a pricebook item from a vendor price: convert to the pricebook unit, apply markup rules (item, category, default; minimum margin), round the sell price to the cent once, and flag big or stale changes.")]
    public static RecostResult Recost(
        [Description("The pricebook item")] PricebookItem item,
        [Description("The vendor's price line matched to it")] PriceLine line,
        [Description("Markup rules of the tenant")] IReadOnlyList<MarkupRule> rules,
        [Description("Flag cost changes above this percent, e.g. 10")] decimal thresholdPercent,
        [Description("A price effective more than this many days before the as-of date is stale")] int staleAfterDays,
        [Description("The date the sweep computes for; also the effective date when the line has none")] DateOnly asOf)
    {
        var from = UnitsOfMeasure.Parse(line.Unit);
        var to = UnitsOfMeasure.Parse(item.Unit);
        if (from is null || to is null || UnitsOfMeasure.ConvertPrice(line.Price, from, to) is not { } converted)
        {
            return new RecostResult(null, $"the vendor prices per '{line.Unit}' and the pricebook counts '{item.Unit}': they do not convert");
        }

        var newCost = UnitCostE4.Round(converted);
        var (sell, basis) = SellPrice(item, newCost, rules);
        var costChange = newCost - item.UnitCost;
        var percent = PriceRounding.ChangePercent(item.UnitCost, newCost);
        var over = percent is null ? costChange != 0m : Math.Abs(percent.Value) > thresholdPercent;
        var stale = (line.Effective ?? asOf).AddDays(staleAfterDays) < asOf;
        return new RecostResult(new Recost(
            item.Id, item.UnitCost, newCost, item.SellPrice, sell, basis, costChange, percent,
            sell is not null && item.SellPrice is not null ? sell - item.SellPrice : null, over, stale), null);
    }

    [Description("Sell price for a unit cost under the markup rules: markup by item, then category, then default, else the item's current markup; never below the minimum margin.")]
    public static (decimal? SellPrice, PriceBasis Basis) SellPrice(
        [Description("The pricebook item (its category and current markup)")] PricebookItem item,
        [Description("Unit cost, 4 decimals")] decimal unitCost,
        [Description("Markup rules of the tenant")] IReadOnlyList<MarkupRule> rules)
    {
        var applicable = Applicable(item, rules);
        var markup = applicable.Select(r => r.MarkupPercent).FirstOrDefault(m => m is not null);
        var minMargin = applicable.Select(r => r.MinMarginPercent).FirstOrDefault(m => m is not null);
        decimal? exact = markup is { } m
            ? unitCost * (1m + m / 100m)
            : item.SellPrice is { } sell && item.UnitCost > 0m ? unitCost * sell / item.UnitCost : null;
        var basis = markup is not null ? PriceBasis.MarkupRule : exact is not null ? PriceBasis.CurrentMarkup : PriceBasis.NoSellPrice;
        if (minMargin is { } margin && margin < 100m)
        {
            var floor = unitCost / (1m - margin / 100m);
            if (exact is null || floor > exact)
            {
                return (PriceRounding.SellPrice(floor, floorDecides: true), PriceBasis.MinimumMargin);
            }
        }

        return exact is null ? (null, basis) : (PriceRounding.SellPrice(exact.Value, floorDecides: false), basis);
    }

    /// <summary>The rules that speak to this item, most specific first.</summary>
    private static List<MarkupRule> Applicable(PricebookItem item, IReadOnlyList<MarkupRule> rules) =>
    [
        .. rules.Where(r => r.Scope == MarkupScope.Item && r.Key == item.Id),
        .. rules.Where(r => r.Scope == MarkupScope.Category && item.Category is not null && string.Equals(r.Key, item.Category, StringComparison.OrdinalIgnoreCase)),
        .. rules.Where(r => r.Scope == MarkupScope.Default),
    ];
}
