using System.Text.Json;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Agents.Financial.Wip;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;
using BackOffice.Tests.Sweeps;
using CsCheck;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: after any series of writes (bill lines scaled, deleted or re-described and re-imported, which the change
/// journal names per job; and writes it does not key: a sandbox bill, a note, a moved due date, invoice and commitment
/// lines), every Financial report read through the report cache, whose analysis is refreshed per key from the previous
/// stamp's when the journal allows it, equals the same report computed from the books with no cache. CsCheck generates
/// the series from a fixed seed; the test fails if no run ever took the per-key path.
/// </summary>
public sealed class PerKeyReportPropertyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    /// <summary>Cost-line writes (file 0 is ledger/bill-lines.csv) twice as often as the rest, so the per-key path is common.</summary>
    private static readonly StepKind[] Kinds =
        [StepKind.ScaleAmount, StepKind.ScaleAmount, StepKind.DeleteRow, StepKind.Retext, StepKind.SandboxBill, StepKind.AddNote, StepKind.ShiftDueDate];

    /// <summary>Bill lines three times in five; else invoice lines (1) or commitment lines (5), which the journal does not key per job.</summary>
    private static readonly int[] FileChoices = [0, 0, 0, 1, 5];

    private static readonly Gen<IncrementalSweepStep> Steps = Gen.Select(
        Gen.Int[0, Kinds.Length - 1], Gen.Int[0, FileChoices.Length - 1], Gen.Int[1, 1000], Gen.Int[1, 40],
        (kind, file, row, size) => new IncrementalSweepStep(Kinds[kind], Kinds[kind] == StepKind.DeleteRow ? 0 : FileChoices[file], row, size));

    [Fact]
    public async Task CachedFinancialReports_RandomWrites_EqualAFreshFullRecompute()
    {
        await Steps.Array[12, 16].SampleAsync(steps => RunAsync([new(StepKind.ScaleAmount, 0, 3, 25), .. steps]), iter: 1, seed: "0000000000a7", threads: 1);
    }

    private static IReport[] Reports()
    {
        var options = new FinancialOptions();
        return
        [
            new CashForecastReport(options), new WipReport(options), new MarginReport(options), new VarianceReport(options),
            new WipPeriodReport(new WipPeriods(options)), new ReconciliationReport(options), new EarnedValueReport(options), new CostDetailReport(options),
        ];
    }

    private static async Task RunAsync(IncrementalSweepStep[] steps)
    {
        using var temp = new TempDataDirectory();
        var clock = new ManualClock();
        var bundle = Path.Combine(temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, bundle);
        var importer = new BundleImporter(clock);
        await importer.ImportAsync(bundle, temp.Tenant("rep", clock), "test", null, Ct);
        var cache = new ReportCache();
        await CompareAsync(cache, temp, clock, "import");
        for (var i = 0; i < steps.Length; i++)
        {
            if (await steps[i].ApplyAsync(bundle, temp.Tenant("rep", clock), i, Ct))
            {
                await ImportOrRefusedAsync(importer, bundle, temp, clock);
            }

            await CompareAsync(cache, temp, clock, $"step {i}: {steps[i]}");
        }

        // Issue 17: the series must reach the path where the analysis was refreshed per key, not only full reads.
        Assert.True(cache.PerKeyRuns > 0, "no report run refreshed the analysis per key");
    }

    private static async Task CompareAsync(ReportCache cache, TempDataDirectory temp, ManualClock clock, string step)
    {
        foreach (var report in Reports())
        {
            var job = report.Name == "cost-detail" ? "job-101" : null;
            var cached = await cache.GetOrRunAsync(report, new ReportRequest(temp.Tenant("rep", clock), AsOf, job), Ct);
            var fresh = await report.RunAsync(new ReportRequest(temp.Tenant("rep", clock), AsOf, job), Ct);
            Assert.True(Text(cached) == Text(fresh), $"{step}: {report.Name} differs from a full recompute");
        }
    }

    private static string Text(ReportTable table) =>
        JsonSerializer.Serialize(new { table.Title, table.Columns, Rows = table.Rows.Select(r => r.ToJsonString()).ToList() });

    /// <summary>A change the bundle's validation refuses writes nothing; the step changed only the bundle folder.</summary>
    private static async Task ImportOrRefusedAsync(BundleImporter importer, string bundle, TempDataDirectory temp, ManualClock clock)
    {
        try
        {
            await importer.ImportAsync(bundle, temp.Tenant("rep", clock), "test", null, Ct);
        }
        catch (BundleValidationException)
        {
            // Issue 19's all-or-nothing import: nothing was written, so the reports must not move either.
        }
    }
}
