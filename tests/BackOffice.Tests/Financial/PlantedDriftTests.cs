using BackOffice.Agents.Financial.Actions;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Issue 3's generator check through the real path: `backoffice generate` output, imported by the importer, swept by the
/// Financial agent. The worklist finds every planted discrepancy and nothing else; clean books give nothing at all.
/// </summary>
public sealed class PlantedDriftTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(12, 1)]
    [InlineData(10, 7)]
    [InlineData(15, 2026)]
    public async Task Sweep_PlantedDrift_FindsExactlyTheManifest(int jobs, int seed)
    {
        var bundle = await GeneratedBooks.ImportAsync(_temp, "drift", new GeneratorOptions(jobs, seed, 40));

        var result = await GeneratedBooks.SweepAsync(_temp, "drift");

        var planted = BundleGenerator.ReadPlantedKeys(bundle.Directory).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(13, planted.Count);
        Assert.Equal(planted, GeneratedBooks.WorklistKeys(result));
        Assert.DoesNotContain(result.Findings, f => f.Check != "reconciliation");
        var miscoded = bundle.Planted.Single(p => p.Category == "cost-code-account-mismatch").Key.Split(':')[1];
        Assert.Contains(result.Proposals, p => p.ActionKind == ReclassPayload.Kind && (string?)p.Payload["source_line"] == miscoded);
    }

    [Fact]
    public async Task Sweep_GeneratedCleanBooks_FindNothing()
    {
        var bundle = await GeneratedBooks.ImportAsync(_temp, "clean", new GeneratorOptions(12, 3, 40, Clean: true));

        var result = await GeneratedBooks.SweepAsync(_temp, "clean");

        Assert.Empty(bundle.Planted);
        Assert.Empty(BundleGenerator.ReadPlantedKeys(bundle.Directory));
        Assert.Empty(result.Findings);
        Assert.Empty(result.Proposals);
    }
}
