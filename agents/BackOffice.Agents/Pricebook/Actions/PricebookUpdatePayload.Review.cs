using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Records;

namespace BackOffice.Agents.Pricebook.Actions;

/// <summary>
/// Issue 19: edited prices are not negative, costs have at most 4 decimals and sell prices 2, and each item exists.
/// The amount compared across an edit is the total price change, so changing any price needs a second approver.
/// </summary>
public sealed partial record PricebookUpdatePayload : IReviewedPayload
{
    private static readonly SourceRef PayloadSource = new("gate", "proposals", "payload");

    public IEnumerable<PayloadProblem> Validate()
    {
        var problems = new List<PayloadProblem>();
        if (Items is null || Items.Count == 0)
        {
            problems.Add(new PayloadProblem("items", "an update needs at least one item."));
            return problems;
        }

        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            PayloadChecks.Required(problems, $"items[{i}].item_id", item?.ItemId);
            PayloadChecks.Amount(problems, $"items[{i}].from_unit_cost", item?.FromUnitCost, SignRule.NonNegative, 4);
            PayloadChecks.Amount(problems, $"items[{i}].unit_cost", item?.UnitCost, SignRule.NonNegative, 4);
            Optional(problems, $"items[{i}].from_sell_price", item?.FromSellPrice);
            Optional(problems, $"items[{i}].sell_price", item?.SellPrice);
        }

        return problems;
    }

    public IEnumerable<PayloadReference> References() =>
        Items.Select((item, i) => new PayloadReference($"items[{i}].item_id", RecordKind.PricebookItem, item.ItemId));

    public PayloadSummary? Describe()
    {
        var change = Items.Sum(i => Math.Abs(Parse(i.UnitCost) - Parse(i.FromUnitCost)) + Math.Abs(Parse(i.SellPrice) - Parse(i.FromSellPrice)));
        return new PayloadSummary(
            $"Update {Items.Count} price(s) from {FileName} ({Vendor})",
            [
                Figure.Count("items", Items.Count, nameof(PricebookUpdatePayload), PayloadSource),
                new Figure("total_price_change", change.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), "usd",
                    nameof(PricebookUpdatePayload), [PayloadSource]),
            ],
            $"Updates {Items.Count} pricebook item(s) from price file {FileName} of {Vendor}; the prices change by {MoneyText.Usd(decimal.Round(change, 2, MidpointRounding.AwayFromZero))} in total.",
            change);
    }

    private static void Optional(List<PayloadProblem> problems, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            PayloadChecks.Amount(problems, field, text, SignRule.NonNegative);
        }
    }

    private static decimal Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0m : decimal.Parse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture);
}
