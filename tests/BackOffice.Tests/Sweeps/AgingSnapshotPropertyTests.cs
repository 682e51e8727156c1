using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;
using CsCheck;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: Collections at a new as-of date ages its stored snapshot (the invoices not settled as of the date it was
/// taken, and the settled ones' figures per customer) instead of reading the whole invoice and payment books. After any
/// series of date advances and changes (invoice and payment lines scaled, deleted or copied, due dates moved, notes,
/// bill lines and descriptions Collections does not read), the incremental sweep leaves the same findings and proposals
/// as a full sweep of a copy of the tenant taken just before it.
/// </summary>
public sealed class AgingSnapshotPropertyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>Mostly date advances alone (1 to 40 days); otherwise one of the property test's changes, with the date moved 0 to 20 days.</summary>
    private static readonly Gen<(IncrementalSweepStep Step, int Days)> Steps = Gen.Frequency(
        (3, Gen.Int[1, 40].Select(days => (new IncrementalSweepStep(StepKind.MoveClock, 0, 0, 0), days))),
        (2, Gen.Select(IncrementalSweepStep.Generator, Gen.Int[0, 20], (step, days) => (step with { Kind = step.Kind == StepKind.MoveClock ? StepKind.Retext : step.Kind }, days))));

    [Fact]
    public async Task CollectionsSweep_RandomDateAdvancesAndChanges_SameFindingsAndProposalsAsAFullSweepOfACopy()
    {
        await Steps.Array[14, 18].SampleAsync(steps => RunAsync(WithSnapshotSteps(steps)), iter: 1, seed: "0000000018a5", threads: 1);
    }

    /// <summary>
    /// A date advance right after the first (full) sweep; then on new dates an invoice's due date moved and a payment line
    /// deleted and another scaled (receivable changes: the snapshot re-reads just their customers), a note (an input not
    /// journaled: the books are read again), a bill line rewritten (a change Collections does not read: the snapshot
    /// stands), and a long advance, so the series always reaches every path.
    /// </summary>
    private static (IncrementalSweepStep, int)[] WithSnapshotSteps((IncrementalSweepStep, int)[] steps) =>
    [
        (new(StepKind.MoveClock, 0, 0, 0), 3), (new(StepKind.ShiftDueDate, 0, 1, 35), 9), (new(StepKind.DeleteRow, 2, 3, 1), 5),
        (new(StepKind.ScaleAmount, 2, 7, 30), 4), (new(StepKind.AddNote, 0, 0, 0), 6), (new(StepKind.Retext, 0, 4, 1), 2),
        (new(StepKind.MoveClock, 0, 0, 0), 31), .. steps,
    ];

    private static async Task RunAsync((IncrementalSweepStep Step, int Days)[] steps)
    {
        using var temp = new TempDataDirectory();
        var clock = new ManualClock();
        var bundle = Path.Combine(temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, bundle);
        var importer = new BundleImporter(clock);
        await importer.ImportAsync(bundle, temp.Tenant("aged", clock), "test", null, Ct);
        var runner = IncrementalSweepPropertyTests.Runner(temp, clock);
        var asOf = new DateOnly(2026, 11, 15);
        await runner.RunAsync("aged", "collections", asOf, "property", 1, SweepMode.Full, new Progress<string>(), Ct);
        var fromSnapshot = 0;
        var fromBooksAtNewDate = 0;
        var patched = 0;
        for (var i = 0; i < steps.Length; i++)
        {
            var (step, days) = steps[i];
            if (await step.ApplyAsync(bundle, temp.Tenant("aged", clock), i, Ct))
            {
                await IncrementalSweepPropertyTests.ImportOrRefusedAsync(importer, bundle, temp, clock, "aged");
            }

            var moved = days > 0;
            asOf = asOf.AddDays(days);
            var copy = $"full{i}";
            IncrementalSweepPropertyTests.CopyTenant(temp, "aged", copy);
            var outcome = await runner.RunAsync("aged", "collections", asOf, "property", 1, SweepMode.Incremental, new Progress<string>(), Ct);
            var full = await runner.RunAsync(copy, "collections", asOf, "property", 1, SweepMode.Full, new Progress<string>(), Ct);

            Assert.False(full.FromSnapshot);
            Assert.True(await SweepState.FingerprintAsync(temp.Tenant("aged", clock), Ct) == await SweepState.FingerprintAsync(temp.Tenant(copy, clock), Ct),
                $"step {i}: {step} +{days} days, as of {asOf:yyyy-MM-dd}, from the snapshot: {outcome.FromSnapshot}, per customer: {outcome.PerKey}");
            fromSnapshot += outcome.FromSnapshot ? 1 : 0;
            patched += outcome.FromSnapshot && outcome.PerKeyChecks.Contains("aging-snapshot") ? 1 : 0;
            fromBooksAtNewDate += moved && !outcome.FromSnapshot && !outcome.Unchanged ? 1 : 0;
        }

        // The series must reach the snapshot path, and a new date after a change Collections reads must read the books.
        Assert.True(fromSnapshot > 0, "no sweep aged the stored snapshot");
        Assert.True(fromBooksAtNewDate > 0, "no sweep at a new date after a change read the books");
        // Issue 18: receivable changes on the same sweep as a date advance update the snapshot by customer, not by a full read.
        Assert.True(patched > 0, "no sweep re-read only the customers whose receivables changed");
    }
}
