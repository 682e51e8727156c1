using BackOffice.Agents.Financial;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Financial;

/// <summary>Generates a bundle with the real generator, imports it with the real importer, and sweeps it (issue 3).</summary>
internal static class GeneratedBooks
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);

    public static async Task<GeneratedBundle> ImportAsync(TempDataDirectory temp, string tenant, GeneratorOptions options)
    {
        var bundle = BundleGenerator.Write(Path.Combine(temp.Root, "bundle-" + tenant), options);
        await new BundleImporter(new ManualClock()).ImportAsync(bundle.Directory, temp.Tenant(tenant), "generator@test", null, CancellationToken.None);
        return bundle;
    }

    public static Task<SweepResult> SweepAsync(TempDataDirectory temp, string tenant) =>
        new FinancialAgent(new FinancialOptions()).SweepAsync(new SweepContext(temp.Tenant(tenant), AsOf, new Progress<string>(), null), CancellationToken.None);

    public static List<string> WorklistKeys(SweepResult result) =>
        result.Findings.Where(f => f.Check == "reconciliation").Select(f => f.Key["financial:reconciliation:".Length..]).Order(StringComparer.Ordinal).ToList();
}
