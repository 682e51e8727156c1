using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issues 16 and 18: when only pay applications changed since Financial's last sweep (same as-of date), the pay-app
/// tie-out is recomputed for the jobs the change journal names and the other jobs' tie-out findings are kept.
/// </summary>
public sealed class PayAppTieOutScopeTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sweep_OnlyOneJobsPayAppChanged_TiesOutThatJobAgainAndKeepsTheOtherJobsFinding()
    {
        var clock = new ManualClock();
        var bundle = Path.Combine(_temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, bundle);
        // job-101's application 1 states line 8 100.00 over (40,195.00 where 44,550 - 4,455 = 40,095.00).
        EditPayApp(bundle, "pa-101-1", "amount_due", "40195.00");
        var importer = new BundleImporter(clock);
        await importer.ImportAsync(bundle, _temp.Tenant("inc", clock), "test", null, Ct);
        var runner = IncrementalSweepPropertyTests.Runner(_temp, clock);
        var first = await runner.RunAsync("inc", "financial", AsOf, "test", 1, SweepMode.Incremental, new Progress<string>(), Ct);
        var job101 = Assert.Single(first.Findings, f => f.Key == "financial:pay-app-tie-out:job-101:1");

        // job-102's application 2 now states line 8 100.00 over too; nothing else changed.
        EditPayApp(bundle, "pa-102-2", "amount_due", "136000.00");
        await importer.ImportAsync(bundle, _temp.Tenant("inc", clock), "test", null, Ct);
        var progress = new ProgressLines();
        var second = await runner.RunAsync("inc", "financial", AsOf, "test", 1, SweepMode.Incremental, progress, Ct);

        Assert.True(second.PerKey);
        Assert.Contains("pay-app-tie-out", second.PerKeyChecks);
        Assert.Contains("financial: pay applications tied out for 1 jobs whose pay applications changed; 1 tie-out findings of other jobs kept", progress.Lines);
        var kept = Assert.Single(second.Findings, f => f.Key == "financial:pay-app-tie-out:job-101:1");
        Assert.Equal((job101.Title, job101.Narrative), (kept.Title, kept.Narrative));
        Assert.Equal(job101.Figures.Select(f => (f.Name, f.Value)), kept.Figures.Select(f => (f.Name, f.Value)));
        var job102 = Assert.Single(second.Findings, f => f.Key == "financial:pay-app-tie-out:job-102:2");
        Assert.Contains("Does not tie: G702 line 8, current payment due computed from the schedule of values: stated 136,000.00, expected 135,900.00, difference 100.00",
            job102.Narrative, StringComparison.Ordinal);
    }

    /// <summary>Sets <paramref name="column"/> of pay application <paramref name="id"/> in the bundle's project/pay-apps.csv.</summary>
    private static void EditPayApp(string bundle, string id, string column, string value)
    {
        var file = Path.Combine(bundle, "project", "pay-apps.csv");
        var lines = File.ReadAllLines(file);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var row = Array.FindIndex(lines, l => l.StartsWith(id + ",", StringComparison.Ordinal));
        var fields = lines[row].Split(',');
        fields[index] = value;
        lines[row] = string.Join(',', fields);
        File.WriteAllLines(file, lines);
    }
}
