using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: a Procore task's baseline (baseline_start / baseline_finish, the Task model of the OpenAPI-generated SDK
/// weigandconstruction/procore_python_sdk, notes/procore.md section 4) stored with the task; earned value plans PV by it,
/// and the schedule-variance report shows each task's slip from it.
/// </summary>
public sealed class ProcoreScheduleBaselineTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_TaskWithBaseline_StoresItAndPlansValueByIt()
    {
        var (h, project, job) = await ProcoreScheduleKit.SyncedForReportsAsync();
        await using var _ = h;
        await BaselineFootingsAsync(h, project.Id);

        var earned = await ProcoreScheduleKit.RunAsync(h, "earned-value", job, new DateOnly(2026, 4, 1));

        await using (var c = await h.Tenant.OpenAsync(Ct))
        {
            Assert.Equal(("2026-03-17", "2026-04-15"), await c.QuerySingleAsync<(string, string)>(
                "SELECT baseline_start, baseline_end FROM project_schedule_tasks WHERE name = '03-300 Pour footings'"));
            Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_schedule_tasks WHERE name = 'Hang board' AND baseline_start IS NOT NULL"));
        }

        // 03-300's 60,000.00 planned over the baseline's 30 days, March 17 - April 15: 16 of them by April 1 = 32,000.00
        // (by the current dates, April 1 - 30, it would be 1 of 30 = 2,000.00). EV stays 60% of 60,000.00.
        Assert.Equal(("32000.00", "36000.00"), (ProcoreScheduleKit.Value(earned, "PV"), ProcoreScheduleKit.Value(earned, "EV")));
    }

    [Fact]
    public async Task ScheduleVariance_TaskWithBaseline_ShowsSlipInDays()
    {
        var (h, project, job) = await ProcoreScheduleKit.SyncedForReportsAsync();
        await using var _ = h;
        await BaselineFootingsAsync(h, project.Id);

        var table = await ProcoreScheduleKit.RunAsync(h, "schedule-variance", job, new DateOnly(2026, 4, 1));

        var footings = table.Rows.Single(r => (string?)r["task"] == "03-300 Pour footings");
        // Current April 1 - 30 against the baseline March 17 - April 15: both 15 days late.
        Assert.Equal(("2026-03-17", "2026-04-15", "2026-04-01", "2026-04-30", 15, 15), ((string?)footings["baseline_start"], (string?)footings["baseline_finish"],
            (string?)footings["start"], (string?)footings["finish"], (int?)footings["start_slip_days"], (int?)footings["finish_slip_days"]));
        var board = table.Rows.Single(r => (string?)r["task"] == "Hang board");
        Assert.Null(board["finish_slip_days"]);
        Assert.Null(board["baseline_start"]);
    }

    /// <summary>The footings task gets a baseline 15 days ahead of its current dates, and the next (changes-only) sync reads it.</summary>
    private static async Task BaselineFootingsAsync(ProcoreHarness h, long project)
    {
        var footings = (JsonObject)h.Fake.Lists[$"tasks:{project}"].Single(t => (string?)t["wbs"] == "1.1").DeepClone();
        footings["baseline_start"] = "2026-03-17T14:00:00Z";
        footings["baseline_finish"] = "2026-04-15T23:00:00Z";
        h.Fake.Put($"tasks:{project}", footings);
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
    }
}
