using BackOffice.Agents.Pricebook;
using BackOffice.Agents.Pricebook.Actions;
using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Pricebook;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Pricebook;

public sealed class PricebookAgentTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TenantData Path => _temp.Tenant("acme");

    private Task<SweepResult> SweepAsync() =>
        new PricebookAgent(new PricebookOptions()).SweepAsync(new SweepContext(Path, AsOf, new Progress<string>(), null), CancellationToken.None);

    private static PriceLine Line(int row, string? sku, string? description, string unit, decimal price, DateOnly? effective = null) =>
        new(row, sku, description, unit, price, effective ?? AsOf);

    [Fact]
    public async Task Sweep_SmallAndBigChanges_OneFileProposalAndOneProposalPerJump()
    {
        await PricebookSeed.ItemsAsync(Path);
        await PricebookSeed.PriceFileAsync(Path, "ABC Supply Co.",
            Line(2, "SPF2408", "2x4x8 SPF Stud", "EA", 4.39m), Line(3, "GYPX5848", "5/8 Type X", "SHT", 19.95m), Line(4, "NL16D50", "Nails", "BOX", 68.50m));

        var result = await SweepAsync();

        Assert.Equal(2, result.Proposals.Count);
        Assert.All(result.Proposals, p => Assert.Equal((PricebookUpdatePayload.Kind, RiskClass.Money), (p.ActionKind, p.Risk)));
        var routine = result.Proposals.Single(p => p.FindingKey is null);
        var item = Assert.Single(routine.Payload["items"]!.AsArray())!;
        Assert.Equal(("pb-01", "4.1250", "6.19", "4.3900", "6.59"),
            ((string?)item["item_id"], (string?)item["from_unit_cost"], (string?)item["from_sell_price"], (string?)item["unit_cost"], (string?)item["sell_price"]));
        // est-1 (sent) moves: 120 x 6.59 - 120 x 6.19 = 48.00; est-2 is accepted, job-2 is closed.
        Assert.Equal("1", routine.Figures.Single(f => f.Name == "estimates_moving").Value);
        Assert.Equal("48.00", routine.Figures.Single(f => f.Name == "estimates_change").Value);
        Assert.Equal("53.00", routine.Figures.Single(f => f.Name == "budget_change").Value);
        var jump = result.Proposals.Single(p => p.FindingKey is not null);
        Assert.Equal("11.45", jump.Figures.Single(f => f.Name == "cost_change_percent").Value);
        Assert.Equal(jump.FindingKey, result.Findings.Single(f => f.Check == "price-jump").Key);
        Assert.All(result.Proposals, p => Assert.True(p.IdempotencyKey.Length <= 50));
    }

    [Fact]
    public async Task Sweep_Twice_SameIdempotencyKeys()
    {
        await PricebookSeed.ItemsAsync(Path);
        await PricebookSeed.PriceFileAsync(Path, "ABC Supply", Line(2, "SPF2408", null, "EA", 4.39m));

        var first = await SweepAsync();
        var second = await SweepAsync();

        Assert.Equal(first.Proposals.Select(p => p.IdempotencyKey), second.Proposals.Select(p => p.IdempotencyKey));
    }

    [Fact]
    public async Task Sweep_StaleAndUnconvertible_FlaggedNotProposed()
    {
        await PricebookSeed.ItemsAsync(Path);
        await PricebookSeed.PriceFileAsync(Path, "ABC Supply",
            Line(2, "SPF2408", null, "EA", 4.39m, AsOf.AddDays(-120)), Line(3, "NL16D50", null, "EA", 1.50m));

        var result = await SweepAsync();

        Assert.Empty(result.Proposals);
        Assert.Contains(result.Findings, f => f.Check == "stale-price");
        Assert.Contains("do not convert", result.Findings.Single(f => f.Check == "unpriceable-line").Narrative);
    }

    [Fact]
    public async Task Sweep_AmbiguousLine_AskedOnceThenTheDecisionIsUsed()
    {
        await PricebookSeed.ItemsAsync(Path);
        var line = Line(2, null, "Interior latex eggshell 5 gal pail", "PAIL", 150m);
        await PricebookSeed.PriceFileAsync(Path, "ABC Supply", line);

        var before = await SweepAsync();
        Assert.Contains(before.Findings, f => f.Check == "ambiguous-match" && f.Narrative.Contains("pb-09") && f.Narrative.Contains("pb-10"));
        Assert.Empty(before.Proposals);

        await new PricebookStore(Path).SaveDecisionAsync("ABC Supply", BackOffice.Tools.Pricebook.PriceLineMatcher.LineKey(line), "pb-10", "lead", "2026-11-20", CancellationToken.None);
        var after = await SweepAsync();

        Assert.DoesNotContain(after.Findings, f => f.Check == "ambiguous-match");
        Assert.Equal("pb-10", (string?)Assert.Single(after.Proposals).Payload["items"]![0]!["item_id"]);
    }

    [Fact]
    public async Task Sweep_CategoryMarkupRule_SetsTheSellPrice()
    {
        await PricebookSeed.ItemsAsync(Path);
        await new PricebookStore(Path).SaveMarkupRuleAsync(new MarkupRule(MarkupScope.Category, "Lumber", 40m, null), CancellationToken.None);
        await PricebookSeed.PriceFileAsync(Path, "ABC Supply", Line(2, "SPF2408", null, "EA", 4.39m));

        var proposal = Assert.Single((await SweepAsync()).Proposals);

        Assert.Equal("6.15", (string?)proposal.Payload["items"]![0]!["sell_price"]);
    }
}
