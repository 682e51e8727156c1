using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Pricebook.Actions;

/// <summary>
/// The "pricebook.update-prices" payload (issue 8): the price file it comes from and each item's expected and new
/// prices, costs as invariant text with 4 decimals ("4.3900") and sell prices with 2 ("6.59"); an approver may edit items.
/// </summary>
public sealed partial record PricebookUpdatePayload(string Vendor, long FileId, string FileName, IReadOnlyList<PricebookItemChange> Items) : IActionPayload
{
    public static string Kind => "pricebook.update-prices";
}

/// <param name="FromUnitCost">The cost the item must still have when the change is applied.</param>
/// <param name="FromSellPrice">The sell price it must still have; null when the item has none.</param>
public sealed record PricebookItemChange(
    string ItemId, string? Description, string FromUnitCost, string? FromSellPrice, string UnitCost, string? SellPrice);
