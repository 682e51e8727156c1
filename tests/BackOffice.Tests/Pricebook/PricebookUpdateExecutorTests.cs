using System.Text.Json.Nodes;
using BackOffice.Agents.Pricebook.Actions;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Pricebook;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Pricebook;

public sealed class PricebookUpdateExecutorTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly PricebookUpdateExecutor _executor = new(new PricebookWriter(), new ManualClock());

    public void Dispose() => _temp.Dispose();

    private TenantData Path => _temp.Tenant("acme");

    private ActionRequest Request(string from = "4.1250") => new(Path, 7, "pb-upd-test", new JsonObject
    {
        ["vendor"] = "ABC Supply",
        ["items"] = new JsonArray(new JsonObject
        {
            ["item_id"] = "pb-01", ["from_unit_cost"] = from, ["from_sell_price"] = "6.19", ["unit_cost"] = "4.3900", ["sell_price"] = "6.59",
        }),
    });

    [Fact]
    public async Task Execute_ThenUndo_RestoresThePriorCostAndPriceExactly()
    {
        await PricebookSeed.ItemsAsync(Path);
        var request = Request();

        var prior = await _executor.CapturePriorStateAsync(request, CancellationToken.None);
        var outcome = await _executor.ExecuteAsync(request, CancellationToken.None);
        Assert.Equal((43900L, (long?)659L), await PricebookSeed.PriceOfAsync(Path, "pb-01"));

        await _executor.UndoAsync(request, prior, outcome, CancellationToken.None);

        Assert.Equal((41250L, (long?)619L), await PricebookSeed.PriceOfAsync(Path, "pb-01"));
    }

    /// <summary>
    /// Issue 17: the price moves are journaled with the change (the report cache and the incremental sweep see which items
    /// changed), once for the update and once for its undo; a refused update journals nothing.
    /// </summary>
    [Fact]
    public async Task ExecuteAndUndo_JournalTheItemTheyMove_ARefusalNothing()
    {
        await PricebookSeed.ItemsAsync(Path);
        var since = await Path.Changes.LatestAsync(CancellationToken.None);
        await Assert.ThrowsAsync<PricebookConflictException>(() => _executor.ExecuteAsync(Request(from: "4.0000"), CancellationToken.None));
        Assert.Empty(await Path.Changes.SinceAsync(since, CancellationToken.None));

        var request = Request();
        var prior = await _executor.CapturePriorStateAsync(request, CancellationToken.None);
        var outcome = await _executor.ExecuteAsync(request, CancellationToken.None);
        await _executor.UndoAsync(request, prior, outcome, CancellationToken.None);

        var journal = await Path.Changes.SinceAsync(since, CancellationToken.None);
        Assert.Equal(["item pb-01 pricebook_items pricebook:update", "item pb-01 pricebook_items pricebook:undo"],
            journal.Select(j => $"{j.Kind} {j.Key} {j.Table} {j.Source}"));
        Assert.True(_executor.WritesTracked);
    }

    [Fact]
    public async Task Execute_Retried_WritesOnce()
    {
        await PricebookSeed.ItemsAsync(Path);

        await _executor.ExecuteAsync(Request(), CancellationToken.None);
        var again = await _executor.ExecuteAsync(Request(), CancellationToken.None);

        Assert.True((bool)again.Result["replayed"]!);
        Assert.Equal((43900L, (long?)659L), await PricebookSeed.PriceOfAsync(Path, "pb-01"));
    }

    [Fact]
    public async Task Execute_ItemChangedSinceProposed_RefusesAndWritesNothing()
    {
        await PricebookSeed.ItemsAsync(Path);

        await Assert.ThrowsAsync<PricebookConflictException>(() => _executor.ExecuteAsync(Request(from: "4.0000"), CancellationToken.None));

        Assert.Equal((41250L, (long?)619L), await PricebookSeed.PriceOfAsync(Path, "pb-01"));
    }

    [Fact]
    public async Task Undo_ItemChangedAfterTheUpdate_RefusesToOverwrite()
    {
        await PricebookSeed.ItemsAsync(Path);
        var request = Request();
        var prior = await _executor.CapturePriorStateAsync(request, CancellationToken.None);
        var outcome = await _executor.ExecuteAsync(request, CancellationToken.None);
        var later = new ActionRequest(Path, 8, "pb-upd-later", new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["item_id"] = "pb-01", ["from_unit_cost"] = "4.3900", ["from_sell_price"] = "6.59", ["unit_cost"] = "4.5000", ["sell_price"] = "6.75",
            }),
        });
        await _executor.ExecuteAsync(later, CancellationToken.None);

        await Assert.ThrowsAsync<PricebookConflictException>(() => _executor.UndoAsync(request, prior, outcome, CancellationToken.None));
        Assert.Equal((45000L, (long?)675L), await PricebookSeed.PriceOfAsync(Path, "pb-01"));
    }

    [Theory]
    [InlineData("4.39001")]
    [InlineData("-1")]
    [InlineData("abc")]
    public void Parse_BadCost_NamesTheField(string cost)
    {
        var payload = Request().Payload;
        payload["items"]![0]!["unit_cost"] = cost;

        var error = Assert.Throws<ProposalPayloadException>(() => PricebookUpdateExecutor.Parse(ActionPayloadJson.Read<PricebookUpdatePayload>(payload)));

        Assert.Contains("items[0].unit_cost", error.Message);
    }
}
