using BackOffice.Kernel.Sweeps;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: Documents at a later as-of date with the same inputs and an empty inbox recomputes only the insurance
/// policies whose status the date changed (into the certificate window, or past expiry) and keeps the other findings; a
/// document in the inbox, a backward move and `--full` recompute everything. Every sweep here is checked against a full
/// sweep of a copy.
/// </summary>
public sealed class DocumentsAsOfMoveTests
{
    private static readonly DateOnly Day = new(2026, 11, 10);

    /// <summary>The demo with its inbox emptied and two policies of vendors holding approved commitments (pv-02, pv-03).</summary>
    private static async Task<AsOfMoveBench> BenchAsync()
    {
        var bench = await AsOfMoveBench.CreateAsync("documents");
        bench.ClearInbox();
        await bench.PutPolicyAsync("pol-rivera", "pv-02", new DateOnly(2026, 12, 20));
        await bench.PutPolicyAsync("pol-spark", "pv-03", new DateOnly(2026, 11, 30));
        return bench;
    }

    [Fact]
    public async Task Sweep_CertificateCrossesIntoItsWindowByDateAlone_BecomesAFindingOnTheIncrementalPath()
    {
        using var bench = await BenchAsync();
        var first = await bench.SweepAsync(Day, SweepMode.Full);

        // 2026-12-20 is 41 days after the 10th (current) and 25 days after the 25th (inside the 30-day window).
        var moved = await bench.SweepCheckedAsync(new DateOnly(2026, 11, 25), "into the window");

        Assert.DoesNotContain(first.Findings, f => f.Key == "documents:insurance-expiring:pol-rivera");
        Assert.True(moved.PerKey);
        Assert.Contains(moved.Findings, f => f.Key == "documents:insurance-expiring:pol-rivera");
        Assert.Contains(moved.Findings, f => f.Key == "documents:insurance-expiring:pol-spark");
    }

    [Fact]
    public async Task Sweep_ExpiringPolicyPassesItsExpiry_BecomesExpiredAndTheOtherIsKept()
    {
        using var bench = await BenchAsync();
        await bench.SweepAsync(new DateOnly(2026, 11, 25), SweepMode.Full);

        var moved = await bench.SweepCheckedAsync(new DateOnly(2026, 12, 1), "past an expiry");

        Assert.True(moved.PerKey);
        Assert.Contains(moved.Findings, f => f.Key == "documents:insurance-expired:pol-spark");
        Assert.DoesNotContain(moved.Findings, f => f.Key == "documents:insurance-expiring:pol-spark");
        Assert.Contains(moved.Findings, f => f.Key == "documents:insurance-expiring:pol-rivera");
    }

    [Fact]
    public async Task Sweep_DocumentInTheInbox_RecomputesFully()
    {
        using var bench = await AsOfMoveBench.CreateAsync("documents");
        await bench.SweepAsync(Day, SweepMode.Full);

        var moved = await bench.SweepCheckedAsync(Day.AddDays(2), "demo inbox");

        Assert.False(moved.PerKey);
        Assert.False(moved.Unchanged);
    }

    [Fact]
    public async Task Sweep_BackwardMoveOrFull_RecomputesEverything()
    {
        using var bench = await BenchAsync();
        await bench.SweepAsync(new DateOnly(2026, 11, 25), SweepMode.Full);

        var backward = await bench.SweepCheckedAsync(Day, "backward");
        var full = await bench.SweepAsync(new DateOnly(2026, 11, 26), SweepMode.Full);

        Assert.False(backward.PerKey);
        Assert.False(backward.Unchanged);
        Assert.False(full.PerKey);
        Assert.DoesNotContain(backward.Findings, f => f.Key == "documents:insurance-expiring:pol-rivera");
    }

    [Fact]
    public async Task Sweep_PolicyExpiryMovedByTheSync_RecomputesFully()
    {
        using var bench = await BenchAsync();
        await bench.SweepAsync(Day, SweepMode.Full);
        await bench.PutPolicyAsync("pol-rivera", "pv-02", new DateOnly(2026, 11, 20));

        var moved = await bench.SweepCheckedAsync(Day.AddDays(1), "expiry moved");

        Assert.False(moved.PerKey);
        Assert.Contains(moved.Findings, f => f.Key == "documents:insurance-expiring:pol-rivera");
    }
}
