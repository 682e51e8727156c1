using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using BackOffice.Tools.Financial;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: what a Procore sync reads beyond the lists themselves: change order package lines with their cost codes,
/// G703 lines of pay applications, direct costs and cost types (shapes from procore_python_sdk, procore.md section 4).
/// </summary>
public sealed class ProcoreProjectDetailTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_ChangeOrderPackage_CarriesItsCostCodesIntoCommittedCost()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;

        await using var c = await h.Tenant.OpenAsync(Ct);
        var lines = (await c.QueryAsync<(string Code, string Type, long Cents)>(
            "SELECT cost_code, cost_type, amount_cents FROM project_change_order_lines WHERE origin = 'procore' ORDER BY cost_code")).ToList();
        Assert.Equal([("01-000", "L", 150000L), ("03-300", "S", 350000L)], lines);
        var financials = h.Tenant.ProjectFinancials;
        var committed = CommittedCostTools.ByJobAndCostCode(CommittedCostTools.Committed(
            await h.Tenant.Project.CommitmentsAsync(Ct), await financials.CommitmentLinesAsync(Ct), await financials.ChangeOrdersAsync(Ct), new DateOnly(2026, 11, 27)));
        // The $50,000.00 subcontract line plus the CCO's $3,500.00 line on 03-300; its $1,500.00 line lands on 01-000.
        Assert.Equal(53500m, committed[("pc-prj-" + Id(project.Id), "03-300")]);
        Assert.Equal(1500m, committed[("pc-prj-" + Id(project.Id), "01-000")]);
    }

    [Fact]
    public async Task Sync_PayAppShow_StoresItsG703LinesWithStoredMaterial()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;

        await using var c = await h.Tenant.OpenAsync(Ct);
        var lines = (await c.QueryAsync<(string Code, long Scheduled, long Completed, long Stored)>(
            """
            SELECT l.cost_code, l.scheduled_value_cents, l.completed_to_date_cents, l.stored_materials_cents
            FROM project_pay_app_lines l JOIN project_pay_apps p ON p.id = l.pay_app_id WHERE p.job_id = @job AND l.origin = 'procore' ORDER BY l.cost_code
            """, new { job = "pc-prj-" + Id(project.Id) })).ToList();
        Assert.Equal([("01-000", 2500000L, 500000L, 0L), ("03-300", 22500000L, 3755000L, 200000L)], lines);
    }

    [Fact]
    public async Task Sync_DirectCostsAndCostTypes_AreStoredWithCostCodes()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(("pc-prj-" + Id(project.Id), "invoice", "approved", "2026-04-12", "Anytown Rental", 125000L), await c.QuerySingleAsync<(string, string, string, string, string, long)>(
            "SELECT job_id, kind, status, cost_date, vendor_name, amount_cents FROM project_direct_costs WHERE origin = 'procore'"));
        Assert.Equal([("01-000", "M", 100000L), ("03-300", "M", 25000L)], (await c.QueryAsync<(string, string, long)>(
            "SELECT cost_code, cost_type, amount_cents FROM project_direct_cost_lines WHERE origin = 'procore' ORDER BY cost_code")).ToList());
        // The budget rows' category_id 11 is the project's line item type "S" (Subcontract).
        Assert.Equal(["S"], (await c.QueryAsync<string>("SELECT DISTINCT cost_type FROM project_budget_lines WHERE origin = 'procore'")).ToList());
    }

    [Fact]
    public async Task Sync_Again_ReadsNoDetailOfUnchangedRecords()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(2);
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        var before = h.Fake.Requested.Count;

        await sync.SyncAsync(h.Tenant, full: true, null, Ct);

        var again = h.Fake.Requested.Skip(before).ToList();
        Assert.DoesNotContain(again, r => r.StartsWith("/rest/v1.0/change_order_packages/", StringComparison.Ordinal));
        Assert.DoesNotContain(again, r => r.StartsWith("/rest/v1.0/payment_applications/", StringComparison.Ordinal));
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_pay_app_lines WHERE origin = 'procore'"));
    }

    [Fact]
    public async Task Sync_PackageLineRemovedInProcore_RemovesOurLine()
    {
        var (h, project) = await ProcoreHarness.SyncedAsync();
        await using var _ = h;
        var package = (JsonObject)h.Fake.Find($"change_order_packages:{project.Id}", project.Package).DeepClone();
        package["line_items"] = new JsonArray(package["line_items"]![0]!.DeepClone());
        h.Fake.Put($"change_order_packages:{project.Id}", package);
        var order = (JsonObject)h.Fake.Lists[$"commitment_change_orders:{project.Id}"][0].DeepClone();
        order["grand_total"] = "3500.00";
        h.Fake.Put($"commitment_change_orders:{project.Id}", order);

        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(["03-300"], (await c.QueryAsync<string>("SELECT cost_code FROM project_change_order_lines")).ToList());
    }


    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
