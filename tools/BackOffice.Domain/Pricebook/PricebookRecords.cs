namespace BackOffice.Domain.Pricebook;

/// <summary>A pricebook item as stored: <paramref name="UnitCost"/> in dollars per <paramref name="Unit"/> (4 decimals), sell price in dollars.</summary>
public sealed record PricebookItem(
    string Id, string? Sku, string Description, string? Category, string Unit, decimal UnitCost, decimal? SellPrice,
    string? VendorName, string? VendorSku);

/// <summary>One good line of a vendor price file: <paramref name="Price"/> is dollars per the vendor's <paramref name="Unit"/>.</summary>
/// <param name="Row">Row number in the file (the header row counts), so a person can find it.</param>
public sealed record PriceLine(int Row, string? VendorSku, string? Description, string Unit, decimal Price, DateOnly? Effective);

/// <summary>A row the parser refused, with every reason.</summary>
public sealed record BadPriceRow(int Row, IReadOnlyList<string> Reasons);

/// <summary>Where a markup rule applies: a single item, a category, or every item (issue 8).</summary>
public enum MarkupScope
{
    Item,
    Category,
    Default,
}

/// <summary>Markup on cost and/or a minimum gross margin on the sell price, both in percent; null means "not set here".</summary>
public sealed record MarkupRule(MarkupScope Scope, string Key, decimal? MarkupPercent, decimal? MinMarginPercent);

/// <summary>A line of an open estimate that prices a pricebook item.</summary>
public sealed record EstimateLine(string EstimateId, string EstimateName, string LineId, string ItemId, decimal Quantity, decimal UnitPrice);

/// <summary>A budget line's planned material quantity of a pricebook item (cost side).</summary>
public sealed record BudgetMaterial(string BudgetLineId, string JobId, string CostCode, string ItemId, decimal Quantity);

/// <summary>One row of a price file as text cells, with its row number in the file (1-based).</summary>
public sealed record RawPriceRow(int Row, IReadOnlyList<string> Cells);
