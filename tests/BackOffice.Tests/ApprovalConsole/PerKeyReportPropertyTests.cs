using System.Text.Json;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Agents.Financial.Wip;
using BackOffice.Agents.Documents;
using BackOffice.Agents.Documents.Reports;
using BackOffice.Agents.Workforce;
using BackOffice.Agents.Workforce.Reports;
using BackOffice.Tools.Labor;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Bundle;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using BackOffice.Tests.Sweeps;
using CsCheck;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: after any series of writes (bill lines scaled, deleted or re-described and re-imported; a bill header's date,
/// an invoice's date or due date, invoice lines, a sandbox bill, a financial note, a confirmed link, a payment's or a journal
/// entry header's date, commitment lines; budget lines, change orders, pay-app lines, a job's status, time entries and a
/// pricebook update through the gate; issue 17: a vendor, customer or account renamed, an employee's rate or trade, a sub
/// invoice line, a budget spread, a schedule task), every Financial report read through the report cache, whose analysis is
/// refreshed per key from the previous stamp's when the change journal and the side tables' versions allow it, equals the
/// same report computed from the books with no cache; so do the Workforce reports (their shared data refreshed per table)
/// and the Documents reports (the inbox's review from data refreshed per table). CsCheck generates the series from a fixed
/// seed after one write of each keyed kind; the test fails if a keyed kind never took the per-key path, in the Financial,
/// the Workforce or the Documents reports.
/// </summary>
public sealed class PerKeyReportPropertyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    /// <summary>The week of the demo's timecards and payroll run, so payroll-check has rows to compare.</summary>
    private static readonly DateOnly PayrollWeek = new(2026, 11, 4);

    /// <summary>The report groups whose shared data is refreshed per key, each checked on its own.</summary>
    private static readonly string[] Groups = ["financial", "workforce", "documents"];

    /// <summary>The kinds of write that must be refreshed per key (issue 17): each is in the series' fixed start.</summary>
    private static readonly string[] KeyedKinds =
    [
        "cost line", "bill header", "invoice", "sandbox bill", "note", "link", "payment", "journal entry", "commitment",
        "budget line", "change order", "pay-app line", "job status", "time entry", "pricebook item",
        "vendor rename", "customer rename", "account rename", "employee change", "sub invoice line", "budget spread", "schedule task",
    ];

    /// <summary>Cost lines twice as often as the rest, so the per-key path after several kinds in a row is common too.</summary>
    private static readonly Gen<PerKeyStep> Steps = Gen.Select(Gen.Int[0, 24], Gen.Int[1, 1000], Gen.Int[1, 40], (kind, row, size) => kind switch
    {
        18 => new PerKeyStep("vendor rename", null, row, size),
        19 => new PerKeyStep("customer rename", null, row, size),
        20 => new PerKeyStep("account rename", null, row, size),
        21 => new PerKeyStep("employee change", null, row, size),
        22 => new PerKeyStep("sub invoice line", null, row, size),
        23 => new PerKeyStep("budget spread", null, row, size),
        24 => new PerKeyStep("schedule task", null, row, size),
        12 => PerKeyStep.Sweep("budget line", new(StepKind.ScaleAmount, 4, row, size)),
        13 => new PerKeyStep("change order", null, row, size),
        14 => new PerKeyStep("pay-app line", null, row, size),
        15 => new PerKeyStep("job status", null, row, size),
        16 => new PerKeyStep("time entry", null, row, size),
        17 => new PerKeyStep("pricebook item", null, row, size),
        10 => new PerKeyStep("payment", null, row, size),
        11 => new PerKeyStep("journal entry", null, row, size),
        0 or 1 => PerKeyStep.Sweep("cost line", new(StepKind.ScaleAmount, 0, row, size)),
        2 => PerKeyStep.Sweep("cost line", new(row % 2 == 0 ? StepKind.DeleteRow : StepKind.Retext, 0, row, size)),
        3 => new PerKeyStep("bill header", null, row, size),
        4 => row % 2 == 0 ? PerKeyStep.Sweep("invoice", new(StepKind.ShiftDueDate, 0, row, size)) : new PerKeyStep("invoice", null, row, size),
        5 => PerKeyStep.Sweep("invoice", new(StepKind.ScaleAmount, 1, row, size)),
        6 => PerKeyStep.Sweep("sandbox bill", new(StepKind.SandboxBill, 0, row, size)),
        7 => PerKeyStep.Sweep("note", new(StepKind.AddNote, 0, row, size)),
        8 => new PerKeyStep("link", null, row, size),
        _ => PerKeyStep.Sweep("commitment", new(StepKind.ScaleAmount, 5, row, size)),
    });

    /// <summary>One write of each keyed kind first, so the per-key assertion is about the kinds, not the seed.</summary>
    private static readonly PerKeyStep[] Start =
    [
        PerKeyStep.Sweep("cost line", new(StepKind.ScaleAmount, 0, 3, 25)), new PerKeyStep("bill header", null, 7, 30),
        PerKeyStep.Sweep("note", new(StepKind.AddNote, 0, 1, 1)), new PerKeyStep("invoice", null, 2, 5), new PerKeyStep("link", null, 3, 2),
        PerKeyStep.Sweep("sandbox bill", new(StepKind.SandboxBill, 0, 1, 12)), PerKeyStep.Sweep("invoice", new(StepKind.ShiftDueDate, 0, 4, 9)),
        new PerKeyStep("payment", null, 1, 40), new PerKeyStep("journal entry", null, 0, 35), PerKeyStep.Sweep("commitment", new(StepKind.ScaleAmount, 5, 2, 30)),
        // Issue 17: the project side, the workforce and a pricebook update through the gate.
        PerKeyStep.Sweep("budget line", new(StepKind.ScaleAmount, 4, 0, 15)), new PerKeyStep("change order", null, 0, 5),
        new PerKeyStep("change order", null, 1, 20), new PerKeyStep("pay-app line", null, 2, 10), new PerKeyStep("job status", null, 1, 1),
        new PerKeyStep("time entry", null, 0, 12), new PerKeyStep("time entry", null, 3, 7), new PerKeyStep("pricebook item", null, 0, 10),
        new PerKeyStep("job status", null, 1, 1),
        // Issue 17: masters renamed (the most common write), the workforce, sub invoices, spreads and the schedule.
        new PerKeyStep("vendor rename", null, 0, 1), new PerKeyStep("vendor rename", null, 1, 1), new PerKeyStep("customer rename", null, 2, 1),
        new PerKeyStep("account rename", null, 5, 1), new PerKeyStep("employee change", null, 0, 10), new PerKeyStep("employee change", null, 1, 1),
        new PerKeyStep("sub invoice line", null, 0, 3), new PerKeyStep("budget spread", null, 0, 10), new PerKeyStep("budget spread", null, 1, 10),
        new PerKeyStep("schedule task", null, 4, 16), new PerKeyStep("schedule task", null, 5, 60),
    ];

    /// <summary>On both engines (issue 17): the spliced lists must come in the order a full read gives there too.</summary>
    [Theory]
    [StoreProviders]
    public async Task CachedFinancialReports_RandomWrites_EqualAFreshFullRecompute(string provider)
    {
        await Steps.Array[10, 14].SampleAsync(steps => RunAsync(provider, [.. Start, .. steps]), iter: 1, seed: "0000000000a7", threads: 1);
    }

    /// <summary>The reports compared, by group; each group's first report makes its shared data.</summary>
    private static (string Group, IReport Report)[] Reports()
    {
        var options = new FinancialOptions();
        var documents = new DocumentsOptions();
        IReport[] financial =
        [
            new CashForecastReport(options), new WipReport(options), new MarginReport(options), new VarianceReport(options),
            new WipPeriodReport(new WipPeriods(options)), new ReconciliationReport(options), new EarnedValueReport(options), new CostDetailReport(options),
        ];
        IReport[] workforce = [new PayrollCheckReport(WorkforceSettings.Default), new StaffingReport(WorkforceSettings.Default), new LaborBurdenReport(Burden())];
        IReport[] review = [new DocumentsReport(documents), new ApExceptionsReport(documents), new ThreeWayMatchReport(documents), new CoiExpiringReport(documents)];
        return [.. financial.Select(r => ("financial", r)), .. workforce.Select(r => ("workforce", r)), .. review.Select(r => ("documents", r))];
    }

    /// <summary>A burden of two percentages and a fixed monthly amount, so labor-burden has figures that move with a raise.</summary>
    private static LaborBurdenOptions Burden() => new()
    {
        PaidHours = 2_000m,
        Components =
        [
            new() { Name = "Workers comp", Basis = BurdenBasis.PercentOfWages, Rate = 5m },
            new() { Name = "Medicare", Basis = BurdenBasis.PercentOfWages, Rate = 1.45m },
            new() { Name = "Medical", Basis = BurdenBasis.MonthlyFixed, Rate = 50m },
        ],
    };

    private static async Task RunAsync(string provider, PerKeyStep[] steps)
    {
        using var temp = new TempDataDirectory();
        var clock = new ManualClock();
        await using var store = await StoreUnderTest.CreateAsync(provider, clock);
        var tenant = store.Source.For("rep");
        var bundle = Path.Combine(temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, bundle);
        var importer = new BundleImporter(clock);
        await importer.ImportAsync(bundle, tenant, "test", null, Ct);
        var cache = new ReportCache();
        await CompareAsync(cache, tenant, "import");
        var perKey = Groups.ToDictionary(g => g, _ => new HashSet<string>(StringComparer.Ordinal));
        for (var i = 0; i < steps.Length; i++)
        {
            if (await steps[i].ApplyAsync(bundle, tenant, i, Ct))
            {
                await ImportOrRefusedAsync(importer, bundle, tenant);
            }

            foreach (var group in await CompareAsync(cache, tenant, $"step {i}: {steps[i]}"))
            {
                perKey[group].Add(steps[i].Kind);
            }
        }

        // Issue 17: every keyed kind of write must have been refreshed per key at least once, not read in full, in each group.
        Assert.All(Groups, g => Assert.True(!KeyedKinds.Except(perKey[g]).Any(), $"{g}: never per key after {string.Join(", ", KeyedKinds.Except(perKey[g]))}"));
    }

    /// <summary>Compares every report through the cache with a fresh run; the groups whose reports took the per-key path.</summary>
    private static async Task<IReadOnlySet<string>> CompareAsync(ReportCache cache, TenantData tenant, string step)
    {
        var perKey = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, report) in Reports())
        {
            var job = report.Name == "cost-detail" ? "job-101" : null;
            var request = new ReportRequest(tenant, report.Name == "payroll-check" ? PayrollWeek : AsOf, job);
            var runs = cache.PerKeyRuns;
            var cached = await cache.GetOrRunAsync(report, request, Ct);
            perKey.UnionWith(cache.PerKeyRuns > runs ? [group] : []);
            var fresh = await report.RunAsync(request, Ct);
            Assert.True(Text(cached) == Text(fresh), $"{step}: {report.Name} differs from a full recompute");
        }

        return perKey;
    }

    private static string Text(ReportTable table) =>
        JsonSerializer.Serialize(new { table.Title, table.Columns, Rows = table.Rows.Select(r => r.ToJsonString()).ToList() });

    /// <summary>A change the bundle's validation refuses writes nothing; the step changed only the bundle folder.</summary>
    private static async Task ImportOrRefusedAsync(BundleImporter importer, string bundle, TenantData tenant)
    {
        try
        {
            await importer.ImportAsync(bundle, tenant, "test", null, Ct);
        }
        catch (BundleValidationException)
        {
            // Issue 19's all-or-nothing import: nothing was written, so the reports must not move either.
        }
    }
}
