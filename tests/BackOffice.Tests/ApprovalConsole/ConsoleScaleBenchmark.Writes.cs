using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Audit;
using BackOffice.Store.Bundle;
using BackOffice.Store.Financial;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using BackOffice.Tests.Sweeps;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the first view of each heavy page after each kind of write, not warmed: a bill line, a bill header's date,
/// an invoice's, a payment's or a journal entry's date, a commitment line's amount, a budget line, a change order, a
/// pay-app line, a job's status, a time entry (each changed in the bundle and imported again, as a sync would), a
/// financial note and a confirmed link (through their stores, as the gate's executors write them), a bill drafted and a
/// pricebook item updated through the gate; issue 17: a vendor or customer renamed, an employee's rate or trade, a sub
/// invoice line, a budget spread and a schedule task (through the bundle). Each page gets its own write first, so each pays
/// for the analysis; the load average is printed beside each row.
/// </summary>
public sealed partial class ConsoleScaleBenchmark
{
    private static readonly string[] WriteKinds =
    [
        "bill line", "bill header", "invoice", "note", "link", "payment", "journal entry", "commitment", "gate bill",
        "budget line", "change order", "pay-app line", "job status", "time entry", "pricebook item",
        "vendor rename", "customer rename", "employee change", "sub invoice line", "budget spread", "schedule task",
    ];

    /// <summary>
    /// Issue 17: the pages timed after each write: the Financial reports that share the analysis, the Workforce reports
    /// (payroll-check on the seeded timecards' week) and the Documents review (documents; ap-exceptions, three-way-match
    /// and coi-expiring share it).
    /// </summary>
    private static readonly string[] WritePages =
    [
        "reports/cash-forecast?asOf=2026-11-20", "reports/wip?asOf=2026-11-20", "reports/wip-period?asOf=2026-11-20", "jobs",
        "reports/payroll-check?asOf=2026-11-04", "reports/staffing?asOf=2026-11-20", "reports/labor-burden?asOf=2026-11-20",
        "reports/documents?asOf=2026-11-20",
    ];

    /// <summary>Kinds whose write moves a date in the bundle (PerKeyStep: Size - 20 days).</summary>
    private static readonly string[] DateKinds = ["bill header", "invoice", "payment", "journal entry"];

    private async Task WriteKindsAsync(ConsoleFactory factory, HttpClient client)
    {
        var cache = factory.Get<ReportCache>();
        var jobsDate = await ReportDatesForJobsAsync(factory);
        var pages = WritePages;
        // BACKOFFICE_BENCH_KINDS=a,b times only those kinds of write (the whole list takes 10-20 minutes under load).
        var only = Environment.GetEnvironmentVariable("BACKOFFICE_BENCH_KINDS")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"first view after a write, not warmed (jobs page as of {jobsDate:yyyy-MM-dd}): {"write",-12} | {string.Join(" | ", pages)} | per-key runs | load average");
        await SeedAsync(factory);
        var number = 100;
        foreach (var kind in WriteKinds.Where(k => only is not { Length: > 0 } || only.Contains(k)))
        {
            var times = new List<string>();
            var perKey = cache.PerKeyRuns;
            foreach (var page in pages)
            {
                await WriteAsync(factory, client, kind, number++);
                var (_, ms) = await GetAsync(client, $"/t/beta/{page}");
                times.Add(Ms(ms));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first view after a write, not warmed: {kind,-12} | {string.Join(" | ", times)} | {cache.PerKeyRuns - perKey} | {LoadAverage()}"));
        }
    }

    /// <summary>One write of <paramref name="kind"/>, printing how long it took.</summary>
    private async Task WriteAsync(ConsoleFactory factory, HttpClient client, string kind, int number)
    {
        var tenant = factory.TenantPath("beta");
        var timer = Stopwatch.StartNew();
        switch (kind)
        {
            case "bill line":
                await CostLineAsync(factory, number);
                return;
            case "note":
                await NoteAsync(factory, $"kind-{number}");
                break;
            case "link":
                var jobs = await tenant.Project.JobsAsync(CancellationToken.None);
                var customers = await tenant.Ledger.CustomersAsync(CancellationToken.None);
                await tenant.ConfirmedLinks.PutAsync(new ConfirmedLink("job", jobs[number % jobs.Count].Id, customers[number % customers.Count].Id, number,
                    "2026-11-20T00:00:00Z"), CancellationToken.None);
                break;
            case "gate bill":
                await GateBillAsync(factory, client, number);
                break;
            case "pricebook item":
                // Issue 17: through the gate, as an approver's execution writes it (journaled by the pricebook writer).
                await PricebookThroughGate.UpdateAsync(tenant, number, 5, number, CancellationToken.None);
                break;
            default:
                // Issue 17: a commitment line's amount or a budget line's estimate scaled by 30 % (the property test's steps), a
                // bill's, invoice's, payment's or journal entry's date moved by a few days, a change order, a pay-app line, a
                // job's status or a time entry changed (PerKeyStep), then the bundle imported again, as a sync would.
                var step = kind switch
                {
                    "commitment" => PerKeyStep.Sweep(kind, new(StepKind.ScaleAmount, 5, 13 * number, 30)),
                    "budget line" => PerKeyStep.Sweep(kind, new(StepKind.ScaleAmount, 4, 13 * number, 30)),
                    _ when DateKinds.Contains(kind) => new PerKeyStep(kind, null, 13 * number, 20 + (number % 2 == 0 ? 3 : -3)),
                    // A rename adds " II" on even pages and takes it off again on the next (the name stays short).
                    _ => new PerKeyStep(kind, null, kind.EndsWith("rename", StringComparison.Ordinal) ? 0 : 13 * number, 10),
                };
                Assert.True(await step.ApplyAsync(_bundle!, tenant, number, CancellationToken.None));
                await new BundleImporter(new ManualClock()).ImportAsync(_bundle!, tenant, "bench", null, CancellationToken.None);
                break;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind} write {number}: {timer.ElapsedMilliseconds} ms"));
    }

    /// <summary>
    /// Issue 17: a bill drafted through the gate: a "ledger.create-bill" proposal submitted as the Financial agent, then
    /// approved and executed over the API (the sandbox ledger journals the bill; the gate marks the execution tracked).
    /// </summary>
    private static async Task GateBillAsync(ConsoleFactory factory, HttpClient client, int number)
    {
        var tenant = factory.TenantPath("beta");
        var vendor = (await tenant.Ledger.VendorsAsync(CancellationToken.None))[number % 20].Id;
        var customer = (await tenant.Ledger.CustomersAsync(CancellationToken.None)).Where(c => !c.Id.StartsWith("cust-o-", StringComparison.Ordinal))
            .ElementAt(number % 20).Id;
        var payload = new JsonObject
        {
            ["vendor_id"] = vendor, ["txn_date"] = "2026-11-18", ["due_date"] = "2026-12-18", ["doc_number"] = $"BENCH-{number}", ["memo"] = "bench",
            ["lines"] = new JsonArray(new JsonObject
            {
                ["account_id"] = "acct-5100", ["customer_id"] = customer, ["description"] = "Bench materials", ["amount"] = "1234.50",
            }),
        };
        var draft = new ProposalDraft("financial", CreateBillPayload.Kind, $"Draft bill BENCH-{number}", RiskClass.Money, $"fin:bill:BENCH-{number}",
            payload, [Figure.Usd("amount", 1234.50m, "bench")], "A bench bill.", ["memo"]);
        var switches = new GateSwitches(tenant.Clock, new AuditStore(tenant.Clock));
        var admin = new Actor("admin@bench", Role.Admin, null);
        await switches.SetMasterAsync(tenant, admin, true, CancellationToken.None);
        await switches.SetAgentWritesAsync(tenant, admin, "financial", true, CancellationToken.None);
        var id = (await factory.Get<ProposalGate>().SubmitAsync(tenant, Actor.Agent("financial"), [draft], CancellationToken.None)).Created.Single();
        (await client.PostAsync($"/api/tenants/beta/proposals/{id}/approve", null)).EnsureSuccessStatusCode();
        var executed = await client.PostAsync($"/api/tenants/beta/proposals/{id}/execute", null);
        Assert.True(executed.IsSuccessStatusCode, $"gate bill {number}: execute {id} answered {(int)executed.StatusCode}: {await executed.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Issue 17: the generated tenant has no pay-app lines, timecards or pricebook items; one import (not timed) adds a
    /// line to each of the first pay apps, the demo's employees and pricebook, and a week of timecards on the first jobs.
    /// </summary>
    private async Task SeedAsync(ConsoleFactory factory)
    {
        var timer = Stopwatch.StartNew();
        var bundle = _bundle!;
        var payApps = File.ReadAllLines(Path.Combine(bundle, "project", "pay-apps.csv")).Skip(1).Take(20).Select(l => l.Split(',')[0]).ToList();
        var code = File.ReadAllLines(Path.Combine(bundle, "project", "cost-codes.csv"))[1].Split(',')[0];
        File.WriteAllLines(Path.Combine(bundle, "project", "pay-app-lines.csv"),
            ["id,pay_app_id,cost_code,scheduled_value,completed_to_date,stored_materials", .. payApps.Select(p => $"{p}-l1,{p},{code},50000.00,25000.00,0.00")]);
        Directory.CreateDirectory(Path.Combine(bundle, "workforce"));
        Directory.CreateDirectory(Path.Combine(bundle, "pricebook"));
        File.Copy(Path.Combine(RepoPaths.DemoBundle, "workforce", "employees.csv"), Path.Combine(bundle, "workforce", "employees.csv"), true);
        File.Copy(Path.Combine(RepoPaths.DemoBundle, "pricebook", "items.csv"), Path.Combine(bundle, "pricebook", "items.csv"), true);
        // The store's jobs, not the file's rows: generated names and owners hold commas, so their rows are quoted.
        var jobs = (await factory.TenantPath("beta").Project.JobsAsync(CancellationToken.None)).Select(j => j.Id).Where(j => j != "job-closed").Take(6).ToList();
        // One shift a day each (no overlaps), on a job that changes day by day: each employee's hours span several jobs.
        var cards = from day in Enumerable.Range(2, 5) from e in Enumerable.Range(1, 2)
                    select $"tc-b-{day}-{e},emp-{e},{jobs[((2 * day) + e) % jobs.Count]},2026-11-{day:00}T07:00,2026-11-{day:00}T16:00,";
        File.WriteAllLines(Path.Combine(bundle, "workforce", "timecards.csv"), ["id,employee_id,job_id,clock_in,clock_out,rate", .. cards]);
        // Issue 17: two schedule tasks and a budget spread on each of the first jobs (staffing, earned value).
        var budget = File.ReadAllLines(Path.Combine(bundle, "project", "budget-lines.csv")).Skip(1).Select(l => l.Split(',')).Where(f => jobs.Contains(f[1])).ToList();
        File.WriteAllLines(Path.Combine(bundle, "project", "schedule-tasks.csv"), ["id,job_id,name,trade,start_date,end_date,crew_hours,percent_complete",
            .. jobs.SelectMany((j, i) => new[] { $"st-b-{i}-1,{j},Framing,Carpentry,2026-11-16,2026-12-11,320,10", $"st-b-{i}-2,{j},Drywall,Drywall,2026-12-07,2026-12-24,160,0" })]);
        File.WriteAllLines(Path.Combine(bundle, "project", "budget-spreads.csv"), ["id,job_id,cost_code,period_start,period_end,amount",
            .. budget.Select((f, i) => $"bs-b-{i},{f[1]},{f[2]},2026-11-01,2026-11-30,1000.00")]);
        await new BundleImporter(new ManualClock()).ImportAsync(bundle, factory.TenantPath("beta"), "bench", null, CancellationToken.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded pay-app lines, employees, timecards and pricebook items: {timer.ElapsedMilliseconds} ms"));
    }
}
