using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Support;
using CsCheck;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: Financial at a new as-of date recomputes only the jobs with rows dated since its stored findings or named by
/// the journal since, and keeps the other jobs' variance and loss-job findings. After any series of date moves (forward 1
/// to 40 days, back, or none) mixed with changes (bill lines scaled or added, bills, invoices and pay apps redated around
/// the new date, change orders approved on a day around it), the incremental sweep leaves the same open findings and
/// proposals as a full sweep of a copy of the tenant taken just before it, on the demo and on a generated tenant.
/// </summary>
public sealed class FinancialAsOfPropertyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Start = new(2026, 11, 20);

    [Fact]
    public async Task FinancialSweep_DemoRandomDateMovesAndChanges_SameFindingsAndProposalsAsAFullSweepOfACopy()
    {
        await FinancialDateStep.Generator.Array[14, 18].SampleAsync(
            steps => RunAsync(temp => CopiedDemo(temp), WithDatedRows(steps)), iter: 1, seed: "00000000f1a9", threads: 1);
    }

    [Fact]
    public async Task FinancialSweep_GeneratedTenantRandomDateMovesAndChanges_SameFindingsAndProposalsAsAFullSweepOfACopy()
    {
        await FinancialDateStep.Generator.Array[10, 12].SampleAsync(
            steps => RunAsync(temp => BundleGenerator.Write(Path.Combine(temp.Root, "bundle"), new GeneratorOptions(20, 18, 60)).Directory, WithDatedRows(steps)),
            iter: 1, seed: "00000000f1b9", threads: 1);
    }

    private static string CopiedDemo(TempDataDirectory temp)
    {
        var bundle = Path.Combine(temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, bundle);
        return bundle;
    }

    /// <summary>
    /// Rows dated after the date first (an invoice, a change order approved, a pay app's period end, then a bill), each
    /// written with no move; then moves that sweep them in with no write between (the date path by date alone), a bill
    /// line added on the same sweep as a move (by the journal), a move with nothing dated in between, and one back.
    /// </summary>
    private static FinancialDateStep[] WithDatedRows(FinancialDateStep[] steps) =>
    [
        new(DateStepKind.RedateInvoice, 2, 6, 0), new(DateStepKind.ApproveChangeOrder, 2, 9, 0), new(DateStepKind.RedatePayApp, 0, 14, 0),
        new(DateStepKind.RedateBill, 3, 19, 0), new(DateStepKind.Move, 0, 0, 7), new(DateStepKind.Move, 0, 0, 5),
        new(DateStepKind.AddBillLine, 4, 2, 3), new(DateStepKind.Move, 0, 0, 10), new(DateStepKind.Move, 0, 0, 200),
        new(DateStepKind.Move, 0, 0, 1), new(DateStepKind.Move, 0, 0, -4), .. steps,
    ];

    private static async Task RunAsync(Func<TempDataDirectory, string> bundleOf, FinancialDateStep[] steps)
    {
        using var temp = new TempDataDirectory();
        var clock = new ManualClock();
        var bundle = bundleOf(temp);
        var importer = new BundleImporter(clock);
        await importer.ImportAsync(bundle, temp.Tenant("dated", clock), "test", null, Ct);
        var runner = IncrementalSweepPropertyTests.Runner(temp, clock);
        var asOf = Start;
        await runner.RunAsync("dated", "financial", asOf, "property", 1, SweepMode.Full, new Progress<string>(), Ct);
        var byDate = 0;
        var keptAll = 0;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step.Apply(bundle, asOf, i))
            {
                await IncrementalSweepPropertyTests.ImportOrRefusedAsync(importer, bundle, temp, clock, "dated");
            }

            asOf = asOf.AddDays(step.Days);
            var copy = $"full{i}";
            IncrementalSweepPropertyTests.CopyTenant(temp, "dated", copy);
            var progress = new ProgressLines();
            await runner.RunAsync("dated", "financial", asOf, "property", 1, SweepMode.Incremental, progress, Ct);
            await runner.RunAsync(copy, "financial", asOf, "property", 1, SweepMode.Full, new Progress<string>(), Ct);

            var path = progress.Lines.FirstOrDefault(l => l.Contains(": new date ", StringComparison.Ordinal)) ?? "(not the date path)";
            Assert.True(await SweepState.FingerprintAsync(temp.Tenant("dated", clock), Ct) == await SweepState.FingerprintAsync(temp.Tenant(copy, clock), Ct),
                $"step {i}: {step}, as of {asOf:yyyy-MM-dd}: {path}");
            Assert.Equal(step.Days > 0, path.Contains(": new date ", StringComparison.Ordinal));
            byDate += path.Contains(" jobs with rows dated since or changed recomputed", StringComparison.Ordinal) && !path.Contains(": 0 jobs", StringComparison.Ordinal) ? 1 : 0;
            keptAll += path.Contains(": 0 jobs with rows dated since", StringComparison.Ordinal) ? 1 : 0;
        }

        // The series must reach both: a move that recomputed the jobs with rows dated in between, and one that kept every job.
        Assert.True(byDate > 0, "no move recomputed only the jobs with rows dated in between");
        Assert.True(keptAll > 0, "no move kept every job's findings");
    }
}
