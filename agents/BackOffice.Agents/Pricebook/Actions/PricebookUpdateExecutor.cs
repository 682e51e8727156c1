using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Pricebook;

namespace BackOffice.Agents.Pricebook.Actions;

/// <summary>
/// "pricebook.update-prices" (issue 8): sets new unit costs and sell prices on pricebook items. The prior state is
/// each item's stored unit_cost_e4 and sell_price_cents, integers, so undo puts back exactly what was there.
/// Payload: <see cref="PricebookUpdatePayload"/>.
/// </summary>
public sealed class PricebookUpdateExecutor(PricebookWriter writer, TimeProvider clock) : ActionExecutor<PricebookUpdatePayload>
{
    /// <summary>Issue 17: the writer journals every price it moves (and undoes) with the change, so the gate marks it tracked.</summary>
    public override bool WritesTracked => true;

    protected override async Task<JsonObject> CaptureAsync(ActionRequest request, PricebookUpdatePayload payload, CancellationToken cancellationToken)
    {
        var (expected, _) = Parse(payload);
        var prices = await writer.PricesAsync(request.Data, expected.Select(e => e.ItemId).ToList(), cancellationToken);
        return new JsonObject { ["items"] = new JsonArray(prices.Select(p => (JsonNode)ToJson(p)).ToArray()) };
    }

    protected override async Task<ActionOutcome> ExecuteAsync(ActionRequest request, PricebookUpdatePayload payload, CancellationToken cancellationToken)
    {
        var (expected, updated) = Parse(payload);
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var applied = await writer.ApplyAsync(request.Data, request.IdempotencyKey, request.ProposalId, expected, updated, at, cancellationToken);
        return new ActionOutcome($"pricebook:{updated.Count} items", new JsonObject
        {
            ["items"] = new JsonArray(updated.Select(u => (JsonNode)ToJson(u)).ToArray()),
            ["replayed"] = !applied,
        });
    }

    protected override async Task UndoAsync(
        ActionRequest request, PricebookUpdatePayload payload, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var prior = (priorState["items"] as JsonArray ?? throw new ProposalPayloadException("prior state: items missing."))
            .Select(n => new ItemPrice((string)n!["item_id"]!, (long)n["unit_cost_e4"]!, (long?)n["sell_price_cents"])).ToList();
        var (_, updated) = Parse(payload);
        await writer.RestoreAsync(request.Data, request.IdempotencyKey, prior, updated, cancellationToken);
    }

    public static (IReadOnlyList<ItemPrice> Expected, IReadOnlyList<ItemPrice> Updated) Parse(PricebookUpdatePayload payload)
    {
        var items = payload.Items ?? throw new ProposalPayloadException("items: missing or not an array.");
        if (items.Count == 0)
        {
            throw new ProposalPayloadException("items: empty.");
        }

        var expected = new List<ItemPrice>();
        var updated = new List<ItemPrice>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] ?? throw new ProposalPayloadException($"items[{i}]: not an object.");
            var id = Text(item.ItemId) ?? throw new ProposalPayloadException($"items[{i}].item_id: missing.");
            expected.Add(new ItemPrice(id, Cost(item.FromUnitCost, "from_unit_cost", i), Price(item.FromSellPrice, "from_sell_price", i)));
            updated.Add(new ItemPrice(id, Cost(item.UnitCost, "unit_cost", i), Price(item.SellPrice, "sell_price", i)));
        }

        return (expected, updated);
    }

    private static JsonObject ToJson(ItemPrice p) =>
        new() { ["item_id"] = p.ItemId, ["unit_cost_e4"] = p.UnitCostE4, ["sell_price_cents"] = p.SellPriceCents };

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static long Cost(string? text, string name, int i) =>
        UnitCostE4.ToE4(Number(Text(text) ?? throw new ProposalPayloadException($"items[{i}].{name}: missing."), 4, $"items[{i}].{name}"));

    private static long? Price(string? text, string name, int i) =>
        Text(text) is { } value ? Cents.FromDollars(Number(value, 2, $"items[{i}].{name}")) : null;

    private static decimal Number(string text, int decimals, string field) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0m && decimal.Round(d, decimals) == d
            ? d
            : throw new ProposalPayloadException($"{field}: '{text}' is not an amount with at most {decimals} decimals such as {(decimals == 4 ? "4.3900" : "6.59")}.");
}
