using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Pricebook;

namespace BackOffice.Kernel.Gate.Executors;

/// <summary>
/// "pricebook.update-prices" (issue 8): sets new unit costs and sell prices on pricebook items. The prior state is
/// each item's stored unit_cost_e4 and sell_price_cents, integers, so undo puts back exactly what was there.
/// Payload: <c>{ vendor, file_id, items: [ { item_id, from_unit_cost, from_sell_price, unit_cost, sell_price } ] }</c>,
/// costs as invariant text with 4 decimals and prices with 2 (an approver may edit sell_price).
/// </summary>
public sealed class PricebookUpdateExecutor(PricebookWriter writer, TimeProvider clock) : IActionExecutor
{
    public const string Kind = "pricebook.update-prices";

    public string ActionKind => Kind;

    public async Task<JsonObject> CapturePriorStateAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var (expected, _) = Parse(request.Payload);
        var prices = await writer.PricesAsync(request.Data, expected.Select(e => e.ItemId).ToList(), cancellationToken);
        return new JsonObject { ["items"] = new JsonArray(prices.Select(p => (JsonNode)ToJson(p)).ToArray()) };
    }

    public async Task<ActionOutcome> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var (expected, updated) = Parse(request.Payload);
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var applied = await writer.ApplyAsync(request.Data, request.IdempotencyKey, request.ProposalId, expected, updated, at, cancellationToken);
        return new ActionOutcome($"pricebook:{updated.Count} items", new JsonObject
        {
            ["items"] = new JsonArray(updated.Select(u => (JsonNode)ToJson(u)).ToArray()),
            ["replayed"] = !applied,
        });
    }

    public async Task UndoAsync(ActionRequest request, JsonObject priorState, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        var prior = (priorState["items"] as JsonArray ?? throw new ProposalPayloadException("prior state: items missing."))
            .Select(n => new ItemPrice((string)n!["item_id"]!, (long)n["unit_cost_e4"]!, (long?)n["sell_price_cents"])).ToList();
        var (_, updated) = Parse(request.Payload);
        await writer.RestoreAsync(request.Data, request.IdempotencyKey, prior, updated, cancellationToken);
    }

    public static (IReadOnlyList<ItemPrice> Expected, IReadOnlyList<ItemPrice> Updated) Parse(JsonObject payload)
    {
        var items = payload["items"] as JsonArray ?? throw new ProposalPayloadException("items: missing or not an array.");
        if (items.Count == 0)
        {
            throw new ProposalPayloadException("items: empty.");
        }

        var expected = new List<ItemPrice>();
        var updated = new List<ItemPrice>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i] as JsonObject ?? throw new ProposalPayloadException($"items[{i}]: not an object.");
            var id = Text(item, "item_id", i) ?? throw new ProposalPayloadException($"items[{i}].item_id: missing.");
            expected.Add(new ItemPrice(id, Cost(item, "from_unit_cost", i), Price(item, "from_sell_price", i)));
            updated.Add(new ItemPrice(id, Cost(item, "unit_cost", i), Price(item, "sell_price", i)));
        }

        return (expected, updated);
    }

    private static JsonObject ToJson(ItemPrice p) =>
        new() { ["item_id"] = p.ItemId, ["unit_cost_e4"] = p.UnitCostE4, ["sell_price_cents"] = p.SellPriceCents };

    private static string? Text(JsonObject o, string name, int i) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s
        : o[name] is null ? null : throw new ProposalPayloadException($"items[{i}].{name}: not text.");

    private static long Cost(JsonObject o, string name, int i) =>
        UnitCostE4.ToE4(Number(Text(o, name, i) ?? throw new ProposalPayloadException($"items[{i}].{name}: missing."), 4, $"items[{i}].{name}"));

    private static long? Price(JsonObject o, string name, int i) =>
        Text(o, name, i) is { } text ? Cents.FromDollars(Number(text, 2, $"items[{i}].{name}")) : null;

    private static decimal Number(string text, int decimals, string field) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0m && decimal.Round(d, decimals) == d
            ? d
            : throw new ProposalPayloadException($"{field}: '{text}' is not an amount with at most {decimals} decimals such as {(decimals == 4 ? "4.3900" : "6.59")}.");
}
