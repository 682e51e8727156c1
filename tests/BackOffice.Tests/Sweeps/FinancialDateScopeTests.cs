using BackOffice.Kernel.Sweeps;
using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: Financial's date path on the demo. The demo's last dated rows are the change orders approved 2026-11-09, so a
/// move from 11-10 to 11-20 has nothing dated in between; bill-5012 (Hardware and fasteners, both lines on cust-31,
/// Lakeview's ledger job) redated to 11-15 is the one row in between, so only its job is recomputed.
/// </summary>
public sealed class FinancialDateScopeTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Before = new(2026, 11, 10);
    private static readonly DateOnly After = new(2026, 11, 20);
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private async Task<(SweepOutcome Outcome, IReadOnlyList<string> Progress)> SweepAsync(string tenant, DateOnly asOf, SweepMode mode)
    {
        var progress = new ProgressLines();
        var outcome = await IncrementalSweepPropertyTests.Runner(_kit.Temp, _kit.Clock).RunAsync(tenant, "financial", asOf, "test", 1, mode, progress, Ct);
        return (outcome, progress.Lines);
    }

    /// <summary>The incremental sweep's state equals a full sweep's of a copy taken before it, at the same date.</summary>
    private async Task AssertSameAsFullAsync(DateOnly asOf)
    {
        IncrementalSweepPropertyTests.CopyTenant(_kit.Temp, BundleTestKit.Tenant, "full");
        await SweepAsync("full", asOf, SweepMode.Full);
        Assert.Equal(await SweepState.FingerprintAsync(_kit.Temp.Tenant("full", _kit.Clock), Ct), await SweepState.FingerprintAsync(_kit.Data, Ct));
    }

    [Fact]
    public async Task NewDate_NoRowsDatedInBetween_RecomputesNoJobAndKeepsEveryJobsFindings()
    {
        await _kit.ImportAsync();
        await SweepAsync(BundleTestKit.Tenant, Before, SweepMode.Full);

        var (outcome, progress) = await SweepAsync(BundleTestKit.Tenant, After, SweepMode.Incremental);

        Assert.Contains("financial: new date 2026-11-20 (from 2026-11-10): 0 jobs with rows dated since or changed recomputed; 4 jobs' findings kept", string.Join("\n", progress));
        Assert.True(outcome.PerKey);
        Assert.Contains(outcome.Findings, f => f.Key.StartsWith("financial:variance:", StringComparison.Ordinal) || f.Key.StartsWith("financial:loss-job:", StringComparison.Ordinal));
        await AssertSameAsFullAsync(After);
    }

    [Fact]
    public async Task NewDate_BillDatedInBetween_RecomputesJustItsJob()
    {
        _kit.Edit("ledger/bills.csv", "HD-77120,2026-10-28", "HD-77120,2026-11-15");
        await _kit.ImportAsync();
        await SweepAsync(BundleTestKit.Tenant, Before, SweepMode.Full);

        var (outcome, progress) = await SweepAsync(BundleTestKit.Tenant, After, SweepMode.Incremental);

        Assert.Contains("financial: new date 2026-11-20 (from 2026-11-10): 1 jobs with rows dated since or changed recomputed; 3 jobs' findings kept", string.Join("\n", progress));
        Assert.Equal(["variance", "loss-jobs"], outcome.PerKeyChecks);
        await AssertSameAsFullAsync(After);
    }

    [Fact]
    public async Task NewDate_BillLineChangedSinceAndNothingDated_RecomputesJustThatLinesJob()
    {
        await _kit.ImportAsync();
        await SweepAsync(BundleTestKit.Tenant, Before, SweepMode.Full);
        _kit.Edit("ledger/bill-lines.csv", "Construction adhesive,164.25", "Construction adhesive,1164.25");
        await _kit.ImportAsync();

        var (_, progress) = await SweepAsync(BundleTestKit.Tenant, After, SweepMode.Incremental);

        Assert.Contains("(from 2026-11-10): 1 jobs with rows dated since or changed recomputed; 3 jobs' findings kept", string.Join("\n", progress));
        await AssertSameAsFullAsync(After);
    }

    /// <summary>An earlier date (incremental) and a later date asked with --full both take no date path.</summary>
    [Theory]
    [InlineData(false, SweepMode.Incremental)]
    [InlineData(true, SweepMode.Full)]
    public async Task EarlierDateOrFull_RecomputesEveryJob(bool later, SweepMode mode)
    {
        await _kit.ImportAsync();
        await SweepAsync(BundleTestKit.Tenant, later ? Before : After, SweepMode.Full);

        var (outcome, progress) = await SweepAsync(BundleTestKit.Tenant, later ? After : Before, mode);

        Assert.False(outcome.PerKey);
        Assert.DoesNotContain(progress, l => l.Contains("new date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewDate_BillHeaderChangedSince_RecomputesEveryJobAndSaysWhy()
    {
        await _kit.ImportAsync();
        await SweepAsync(BundleTestKit.Tenant, Before, SweepMode.Full);
        _kit.Edit("ledger/bills.csv", "HD-77120,2026-10-28", "HD-77120,2026-11-15");
        await _kit.ImportAsync();

        var (outcome, progress) = await SweepAsync(BundleTestKit.Tenant, After, SweepMode.Incremental);

        Assert.Contains("financial: new date 2026-11-20 (from 2026-11-10): every job recomputed (the journal names a change to more than jobs' lines)", string.Join("\n", progress));
        Assert.False(outcome.PerKey);
        await AssertSameAsFullAsync(After);
    }
}
