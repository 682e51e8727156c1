using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: a change order package edited in Procore while its change order's list record stays the same is read
/// again, found through the packages list's filters[updated_at] (GET /rest/v1.0/change_order_packages, procore_python_sdk
/// ConstructionFinancialsChangeOrdersChangeOrderPackagesApi.md). The product and the fake share a clock moved by hand,
/// so which sync sees the edit does not depend on how fast the machine is.
/// </summary>
public sealed class ProcorePackageEditTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // --full after the edit: the packages list is asked from the sync before it
    public async Task Sync_PackageEditedWithoutItsChangeOrder_ReadsThatPackageOnceAndNoneWhenUnchanged(bool full)
    {
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        await using var h = await ProcoreHarness.StartAsync(clock: clock);
        var project = h.Seed(1)[0];
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var unchanged = await RequestsOfAsync(h, () => sync.SyncAsync(h.Tenant, full: false, null, Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        var package = (JsonObject)h.Fake.Find($"change_order_packages:{project.Id}", project.Package).DeepClone();
        package["line_items"] = new JsonArray(package["line_items"]![0]!.DeepClone());
        h.Fake.Put($"change_order_packages:{project.Id}", package);
        clock.Advance(TimeSpan.FromMinutes(1));
        var edited = await RequestsOfAsync(h, () => sync.SyncAsync(h.Tenant, full, null, Ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await RequestsOfAsync(h, () => sync.SyncAsync(h.Tenant, full: false, null, Ct));

        // Each changes-only sync asks the packages list once; only the sync after the edit reads a package.
        Assert.All(new[] { unchanged, edited, after }, r => Assert.Single(r, IsPackageList));
        Assert.DoesNotContain(unchanged, IsPackageRead);
        Assert.Single(edited, r => r.StartsWith($"/rest/v1.0/change_order_packages/{project.Package}?", StringComparison.Ordinal));
        Assert.DoesNotContain(after, IsPackageRead);
        await using var c = await h.Tenant.OpenAsync(Ct);
        // The package kept its $3,500.00 line on 03-300; the $1,500.00 line on 01-000 it dropped is gone from ours.
        Assert.Equal([("03-300", 350000L)], (await c.QueryAsync<(string, long)>(
            "SELECT cost_code, amount_cents FROM project_change_order_lines WHERE origin = 'procore'")).ToList());
    }

    [Theory]
    [InlineData(false)] // resumed by `sync`, from the saved cursors
    [InlineData(true)] // resumed by `sync --full` again, from the start
    public async Task Sync_FullInterruptedBeforeTheEditedProject_ResumedPassAsksThePackageListAndReadsThatPackage(bool resumeFull)
    {
        var clock = new JumpingClock(DateTimeOffset.UtcNow);
        await using var h = await ProcoreHarness.StartAsync(new() { ["Procore:MaxThrottleRetries"] = "0" }, clock);
        var projects = h.Seed(2);
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        var edited = projects[1];
        var package = (JsonObject)h.Fake.Find($"change_order_packages:{edited.Id}", edited.Package).DeepClone();
        package["line_items"] = new JsonArray(package["line_items"]![0]!.DeepClone());
        h.Fake.Put($"change_order_packages:{edited.Id}", package);
        clock.Advance(TimeSpan.FromMinutes(1));

        // Issue 14: the `--full` pass stops at the second project, before its packages list is asked.
        h.Fake.FailWhen = path => path.Contains($"budget_views?project_id={edited.Id}", StringComparison.Ordinal);
        await Assert.ThrowsAsync<ProcoreApiException>(() => sync.SyncAsync(h.Tenant, full: true, null, Ct));
        h.Fake.FailWhen = null;
        clock.Advance(TimeSpan.FromMinutes(1));
        var resumed = await RequestsOfAsync(h, () => sync.SyncAsync(h.Tenant, resumeFull, null, Ct));

        Assert.Single(resumed, r => IsPackageList(r) && r.Contains($"project_id={edited.Id}&", StringComparison.Ordinal));
        Assert.Single(resumed, IsPackageRead);
        Assert.Single(resumed, r => r.StartsWith($"/rest/v1.0/change_order_packages/{edited.Package}?", StringComparison.Ordinal));
        await using var c = await h.Tenant.OpenAsync(Ct);
        // The edited package dropped its $1,500.00 line on 01-000; the other project's package keeps both of its lines.
        Assert.Equal([("01-000", 150000L), ("03-300", 350000L), ("03-300", 350000L)], (await c.QueryAsync<(string, long)>(
            "SELECT cost_code, amount_cents FROM project_change_order_lines WHERE origin = 'procore' ORDER BY cost_code, amount_cents")).ToList());
    }

    [Fact]
    public async Task Sync_First_AsksNoPackageList()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(1);
        await h.ConnectServiceAccountAsync();

        var requests = await RequestsOfAsync(h, () => h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: true, null, Ct));

        // The first pass reads every change order's package anyway, so the packages list would add nothing.
        Assert.DoesNotContain(requests, IsPackageList);
        Assert.Contains(requests, IsPackageRead);
    }

    private static bool IsPackageList(string path) => path.StartsWith("/rest/v1.0/change_order_packages?", StringComparison.Ordinal);

    private static bool IsPackageRead(string path) => path.StartsWith("/rest/v1.0/change_order_packages/", StringComparison.Ordinal);

    private static async Task<List<string>> RequestsOfAsync(ProcoreHarness h, Func<Task> sync)
    {
        var before = h.Fake.Requested.Count;
        await sync();
        return h.Fake.Requested.Skip(before).ToList();
    }
}
