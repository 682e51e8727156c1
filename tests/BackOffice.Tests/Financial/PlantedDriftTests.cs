using BackOffice.Agents.Financial;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Financial;

/// <summary>Issue 3's generator check: the worklist finds every planted discrepancy and nothing else; clean books give nothing.</summary>
public sealed class PlantedDriftTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Path => _temp.Data.TenantDatabasePath("drift");

    private async Task<SweepResult> SweepAsync() =>
        await new FinancialAgent().SweepAsync(new SweepContext("drift", new DateOnly(2026, 11, 20), Path, new Progress<string>()), CancellationToken.None);

    [Fact]
    public async Task Sweep_GeneratedCleanBooks_FindNothing()
    {
        await BooksGenerator.WriteAsync(Path, 12, 200);
        var result = await SweepAsync();
        Assert.Empty(result.Findings);
        Assert.Empty(result.Proposals);
    }

    [Fact]
    public async Task Sweep_PlantedDrift_FindsExactlyTheManifest()
    {
        await BooksGenerator.WriteAsync(Path, 12, 200);
        var manifest = await DriftPlanter.PlantAsync(Path);

        var result = await SweepAsync();

        var found = result.Findings.Where(f => f.Check == "reconciliation").Select(f => f.Key["financial:reconciliation:".Length..]).Order().ToList();
        Assert.Equal(manifest.Order().ToList(), found);
        Assert.Contains(result.Proposals, p => p.ActionKind == "ledger.create-journal-entry" && (string?)p.Payload["source_line"] == "je-p-1");
    }
}
