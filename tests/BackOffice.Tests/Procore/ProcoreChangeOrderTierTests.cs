using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: a change order whose record has no legacy_package_id still gets its lines, by the ids Procore's change
/// order models give (procore_python_sdk: the commitment change order's legacy_request_id; the change order request's
/// change_order_package_id, ArrayOfChangeOrderRequestsEntitiesInner; a potential change order's change_order_request_id,
/// RestV10PotentialChangeOrdersGet200ResponseInner, and its line items, Default).
/// </summary>
public sealed class ProcoreChangeOrderTierTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_ChangeOrderWithRequestOnly_ReadsTheRequestsPackageLines()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(1)[0];
        var order = RequestOnly(h, project);
        var request = h.Fake.NextId();
        h.Fake.Put($"change_order_requests:{project.Id}", new JsonObject
        {
            ["id"] = request, ["contract_id"] = project.Subcontract, ["change_order_package_id"] = project.Package, ["number"] = "COR-001", ["status"] = "approved",
        });
        order["legacy_request_id"] = request;

        await SyncAsync(h);

        // The seeded package: $3,500.00 on 03-300 (Subcontract) and $1,500.00 on 01-000 (Labor).
        Assert.Equal([("01-000", 150000L), ("03-300", 350000L)], await LinesAsync(h));
    }

    [Fact]
    public async Task Sync_ChangeOrderWithRequestWithoutPackage_ReadsItsPotentialChangeOrdersLines()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(1)[0];
        var order = RequestOnly(h, project);
        var request = h.Fake.NextId();
        h.Fake.Put($"change_order_requests:{project.Id}", new JsonObject { ["id"] = request, ["contract_id"] = project.Subcontract, ["number"] = "COR-002" });
        order["legacy_request_id"] = request;
        var codes = h.Fake.Lists[$"cost_codes:{project.Id}"];
        Pco(h, project, request, FakeProcore.PackageLine(h.Fake.NextId(), codes[1], "Footing concrete", 4200.0, 11));
        Pco(h, project, request, FakeProcore.PackageLine(h.Fake.NextId(), codes[2], "Extra board", 800.0, 11));
        Pco(h, project, request + 1, FakeProcore.PackageLine(h.Fake.NextId(), codes[0], "Another request's line", 999.0, 12));

        await SyncAsync(h);

        Assert.Equal([("03-300", 420000L), ("09-250", 80000L)], await LinesAsync(h));
    }

    [Fact]
    public async Task Sync_ChangeOrderWithNeitherId_StoresTheOrderWithoutLines()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(1)[0];
        RequestOnly(h, project);

        await SyncAsync(h);

        Assert.Empty(await LinesAsync(h));
        Assert.DoesNotContain(h.Fake.Requested, r => r.Contains("change_order_requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sync_OrderUnchanged_ReadsNoRequestPackageOrPotentialChangeOrderUntilItsRecordChanges()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(1)[0];
        var order = RequestOnly(h, project);
        var request = h.Fake.NextId();
        h.Fake.Put($"change_order_requests:{project.Id}", new JsonObject { ["id"] = request, ["contract_id"] = project.Subcontract, ["number"] = "COR-003" });
        order["legacy_request_id"] = request;
        Pco(h, project, request, FakeProcore.PackageLine(h.Fake.NextId(), h.Fake.Lists[$"cost_codes:{project.Id}"][1], "Footing concrete", 4200.0, 11));
        await SyncAsync(h);
        var sync = h.Get<ProcoreSync>();

        var before = h.Fake.Requested.Count;
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        await sync.SyncAsync(h.Tenant, full: true, null, Ct);
        var unchanged = h.Fake.Requested.Skip(before).ToList();

        // The order's list record (its stored digest) is the same: none of the three detail reads is made again.
        Assert.DoesNotContain(unchanged, IsDetail);
        var changed = (JsonObject)order.DeepClone();
        changed["grand_total"] = "4300.00";
        h.Fake.Put($"commitment_change_orders:{project.Id}", changed);
        before = h.Fake.Requested.Count;
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        Assert.Contains(h.Fake.Requested.Skip(before), r => r.StartsWith($"/rest/v1.0/change_order_requests/{request}", StringComparison.Ordinal));
    }

    private static bool IsDetail(string path) =>
        path.StartsWith("/rest/v1.0/change_order_requests/", StringComparison.Ordinal) ||
        path.StartsWith("/rest/v1.0/change_order_packages/", StringComparison.Ordinal) ||
        path.StartsWith("/rest/v1.0/potential_change_orders", StringComparison.Ordinal);

    /// <summary>The seeded CCO without its legacy_package_id (the caller adds a legacy_request_id or not).</summary>
    private static JsonObject RequestOnly(ProcoreHarness h, FakeProcoreProject project)
    {
        var order = h.Fake.Lists[$"commitment_change_orders:{project.Id}"][0];
        order.Remove("legacy_package_id");
        return order;
    }

    private static void Pco(ProcoreHarness h, FakeProcoreProject project, long request, JsonObject line)
    {
        var pco = h.Fake.NextId();
        h.Fake.Put($"potential_change_orders:{project.Id}", new JsonObject
        {
            ["id"] = pco, ["contract_id"] = project.Subcontract, ["change_order_request_id"] = request, ["number"] = "PCO-" + pco, ["status"] = "approved",
            ["grand_total"] = line["total_amount"]!.DeepClone(), ["change_order_tiers"] = 3,
        });
        h.Fake.Put($"line_items:{pco}", line);
    }

    private static async Task SyncAsync(ProcoreHarness h)
    {
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
    }

    private static async Task<List<(string Code, long Cents)>> LinesAsync(ProcoreHarness h)
    {
        await using var c = await h.Tenant.OpenAsync(Ct);
        return (await c.QueryAsync<(string, long)>(
            "SELECT cost_code, amount_cents FROM project_change_order_lines WHERE origin = 'procore' ORDER BY cost_code")).ToList();
    }
}
