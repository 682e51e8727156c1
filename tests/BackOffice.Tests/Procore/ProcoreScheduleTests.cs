using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: the project schedule read from Procore (GET /rest/v1.0/tasks?project_id=; the Task model of the
/// OpenAPI-generated SDK weigandconstruction/procore_python_sdk) into project_schedule_tasks, and earned value's
/// schedule side weighted by the budget of each task's DERIVED cost code.
/// </summary>
public sealed class ProcoreScheduleTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_ProjectSchedule_StoresLeafTasksWithProvenanceAndDerivedCostCodes()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;

        await using var c = await h.Tenant.OpenAsync(Ct);
        var tasks = (await c.QueryAsync<(string Job, string Name, string Start, string End, long Bp, string? Code, string Trade)>(
            """
            SELECT job_id, name, start_date, end_date, percent_complete_bp, cost_code, trade FROM project_schedule_tasks
            WHERE origin = 'procore' AND source_id IS NOT NULL AND source_updated_at IS NOT NULL ORDER BY start_date, name
            """)).ToList();
        var job = "pc-prj-" + Id(project.Id);
        // The summary task "Structure" is left out: its two children carry its span already.
        Assert.Equal(
        [
            (job, "03-300 Pour footings", "2026-04-01", "2026-04-30", 6000L, (string?)"03-300", "Field crew"),
            (job, "Hang board", "2026-05-01", "2026-05-29", 0L, "09-250", "Field crew"),
            (job, "Topping out", "2026-05-29", "2026-05-29", 0L, null, "Field crew"),
        ], tasks);
        Assert.Contains(h.Fake.Requested, r => r.StartsWith($"/rest/v1.0/tasks?project_id={project.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullSync_TaskDeletedInProcore_RemovesOurTaskAndJournalsIt()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;
        var milestone = h.Fake.Lists[$"tasks:{project.Id}"].Single(t => (string?)t["name"] == "Topping out");
        h.Fake.Remove($"tasks:{project.Id}", (long)milestone["id"]!);

        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_schedule_tasks WHERE origin = 'procore'"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM change_journal WHERE source = 'procore:delete' AND kind = 'project_schedule_tasks' AND entity_key = @key",
            new { key = "pc-tsk-" + Id((long)milestone["id"]!) }));
    }

    [Fact]
    public async Task Sync_PercentCompleteChanged_UpdatesTheTask()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;
        var footings = (JsonObject)h.Fake.Lists[$"tasks:{project.Id}"].Single(t => (string?)t["wbs"] == "1.1").DeepClone();
        footings["percentage"] = 100;
        h.Fake.Put($"tasks:{project.Id}", footings);

        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(10_000L, await c.ExecuteScalarAsync<long>("SELECT percent_complete_bp FROM project_schedule_tasks WHERE name = '03-300 Pour footings'"));
    }

    [Fact]
    public async Task EarnedValue_ProcoreSchedule_PlansTheBudgetOfEachTasksCostCode()
    {
        var (h, _, job) = await ProcoreScheduleKit.SyncedForReportsAsync();
        await using var _ = h;

        var table = await ProcoreScheduleKit.RunAsync(h, "earned-value", job, new DateOnly(2026, 4, 15));

        Assert.DoesNotContain(table.Rows, r => (string?)r["measure"] == "note" && Fail(r.ToJsonString()));
        // DERIVED: 03-300's revised budget 60,000.00 is planned over April 1-30 (15 of 30 days by the 15th: 30,000.00) and
        // earned at 60% (36,000.00); 09-250's 4,500.00 starts May 1 and the milestone has no cost code, so both add nothing.
        Assert.Equal(("30000.00", "36000.00"), (ProcoreScheduleKit.Value(table, "PV"), ProcoreScheduleKit.Value(table, "EV")));
        Assert.Equal("PV and EV weighted by budget by cost code", (string?)table.Rows.Single(r => (string?)r["measure"] == "schedule")["label"]);
    }

    private static bool Fail(string row) => throw new Xunit.Sdk.XunitException("earned value answered a note: " + row);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
