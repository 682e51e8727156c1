using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>Issue 14: a Procore sync fills the canonical project tables with provenance, page by page, resumably and incrementally.</summary>
public sealed class ProcoreSyncTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Sync_ThreeProjects_FillsTheProjectTablesWithProvenance()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var projects = h.Seed(3);
        await h.ConnectServiceAccountAsync();

        var report = await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal("full", report.Mode);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(3, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_jobs WHERE origin = 'procore' AND source_updated_at IS NOT NULL"));
        Assert.Equal(6, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_commitments WHERE origin = 'procore'"));
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_budget_lines WHERE origin = 'procore'"));
        Assert.Equal(6, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_change_orders WHERE origin = 'procore'"));
        var subcontract = await c.QuerySingleAsync<(string Job, string Vendor, string Kind, string Status, long Retainage, string Source)>(
            "SELECT job_id, vendor_id, kind, status, retainage_bp, source_id FROM project_commitments WHERE id = @id", new { id = "pc-cmt-" + projects[0].Subcontract });
        Assert.Equal(("pc-prj-" + projects[0].Id, "pc-ven-4431", "subcontract", "approved", 1000L, projects[0].Subcontract.ToString(System.Globalization.CultureInfo.InvariantCulture)), subcontract);
        Assert.Equal(5000000L, await c.ExecuteScalarAsync<long>("SELECT amount_cents FROM project_commitment_lines WHERE commitment_id = @id", new { id = "pc-cmt-" + projects[0].Subcontract }));
        // The requisition: $20,000.00 this period with $2,000.00 retained (tutorial_requisitions.md item fields).
        Assert.Equal((2000000L, 200000L, "approved"), await c.QuerySingleAsync<(long, long, string)>(
            "SELECT amount_cents, retainage_cents, status FROM project_sub_invoices WHERE id = @id", new { id = "pc-req-" + projects[0].Requisition }));
        Assert.Equal((25000000L, 1000L), await c.QuerySingleAsync<(long, long)>(
            "SELECT contract_cents, retainage_bp FROM project_jobs WHERE id = @id", new { id = "pc-prj-" + projects[0].Id }));
        // G702 line 4 is $44,550.00, of which the G703 lines hold $2,000.00 of materials presently stored.
        Assert.Equal((4255000L, 200000L, 4009500L), await c.QuerySingleAsync<(long, long, long)>(
            "SELECT work_completed_to_date_cents, stored_materials_cents, amount_due_cents FROM project_pay_apps WHERE job_id = @id", new { id = "pc-prj-" + projects[0].Id }));
    }

    [Fact]
    public async Task Sync_OneRecordAPage_FollowsLinkNextToTheEnd()
    {
        await using var h = await ProcoreHarness.StartAsync(new() { ["Procore:PerPage"] = "1" });
        h.Seed(3);
        await h.ConnectServiceAccountAsync();

        var report = await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(3, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_jobs WHERE origin = 'procore'"));
        Assert.Equal(9, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_budget_lines WHERE origin = 'procore'"));
        Assert.Contains(h.Fake.Requested, r => r.Contains("/rest/v1.0/projects?", StringComparison.Ordinal) && r.Contains("page=3", StringComparison.Ordinal));
        Assert.True(report.Pages > 40, $"{report.Pages} pages");
    }

    [Fact]
    public async Task Sync_Again_AsksOnlyForChangesAndUpdatesTheChangedCommitment()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var projects = h.Seed(3);
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        var first = await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        ChangeSubcontractLine(h.Fake, projects[1], "62000.00");

        var second = await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.StartsWith("changes since", second.Mode, StringComparison.Ordinal);
        Assert.True(second.Requests < first.Requests, $"{second.Requests} requests after {first.Requests}");
        Assert.Contains(h.Fake.Requested, r => r.Contains("filters%5Bupdated_at%5D=", StringComparison.Ordinal) || r.Contains("filters[updated_at]=", StringComparison.Ordinal));
        Assert.Equal(1, second.Entities["work_order_contracts"].Changed);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(6200000L, await c.ExecuteScalarAsync<long>("SELECT amount_cents FROM project_commitment_lines WHERE id = @id", new { id = "pc-cml-" + projects[1].SubcontractLine }));
    }

    [Fact]
    public async Task Sync_PeoplesRows_SurviveAndAreNotOverwritten()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var projects = h.Seed(1);
        await h.ConnectServiceAccountAsync();
        await using (var c = await h.Tenant.OpenAsync(Ct))
        {
            await c.ExecuteAsync("INSERT INTO project_jobs (id, name, status, row_hash) VALUES ('job-7', 'Typed in by hand', 'active', 'x')");
            await c.ExecuteAsync("INSERT INTO project_jobs (id, name, status, row_hash) VALUES (@id, 'Imported earlier', 'active', 'y')", new { id = "pc-prj-" + projects[0].Id });
        }

        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: true, null, Ct);

        await using var check = await h.Tenant.OpenAsync(Ct);
        Assert.Equal("Typed in by hand", await check.ExecuteScalarAsync<string>("SELECT name FROM project_jobs WHERE id = 'job-7'"));
        // A row of another origin under our id is the person's: the sync leaves it as it is.
        Assert.Equal(("Imported earlier", "bundle"), await check.QuerySingleAsync<(string, string)>(
            "SELECT name, origin FROM project_jobs WHERE id = @id", new { id = "pc-prj-" + projects[0].Id }));
    }

    [Fact]
    public async Task BundleImport_AfterASync_LeavesTheProcoreRowsAlone()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(2);
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        // The demo bundle's project files list none of the synced rows: a bundle removes what its files no longer list, but not these.
        await new BackOffice.Store.Bundle.BundleImporter(TimeProvider.System).ImportAsync(
            BackOffice.Tests.Support.RepoPaths.DemoBundle, h.Tenant, "controller@demo", null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_jobs WHERE origin = 'procore'"));
        Assert.Equal(4, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_commitments WHERE origin = 'procore'"));
        Assert.True(await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_jobs WHERE origin = 'bundle'") > 0);
    }

    [Fact]
    public async Task Sync_InterruptedByAnOutage_ResumesFromTheSavedCursor()
    {
        await using var h = await ProcoreHarness.StartAsync(new() { ["Procore:MaxThrottleRetries"] = "0" });
        var projects = h.Seed(3);
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        var third = projects[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h.Fake.FailWhen = path => path.Contains("requisitions?project_id=" + third, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ProcoreApiException>(() => sync.SyncAsync(h.Tenant, full: false, null, Ct));
        Assert.Contains("500", (await h.Tenant.Procore.CurrentAsync(Ct))!.LastError, StringComparison.Ordinal);
        h.Fake.FailWhen = null;
        var before = h.Fake.Requested.Count;
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        var resumed = h.Fake.Requested.Skip(before).ToList();
        // The first two projects' commitments were saved with their cursors: not asked for again; the third's requisitions are.
        Assert.DoesNotContain(resumed, r => r.Contains("work_order_contracts?project_id=" + projects[0].Id, StringComparison.Ordinal));
        Assert.Contains(resumed, r => r.Contains("requisitions?project_id=" + third, StringComparison.Ordinal));
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(3, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_sub_invoices WHERE origin = 'procore'"));
    }

    /// <summary>Someone raises the subcontract's line in Procore: the line and the contract's updated_at change.</summary>
    internal static void ChangeSubcontractLine(FakeProcore fake, FakeProcoreProject project, string amount)
    {
        var line = (JsonObject)fake.Find($"line_items:{project.Subcontract}", project.SubcontractLine).DeepClone();
        line["amount"] = amount;
        fake.Put($"line_items:{project.Subcontract}", line, DateTimeOffset.UtcNow.AddSeconds(1));
        var contract = (JsonObject)fake.Find($"work_order_contracts:{project.Id}", project.Subcontract).DeepClone();
        contract["grand_total"] = amount;
        fake.Put($"work_order_contracts:{project.Id}", contract, DateTimeOffset.UtcNow.AddSeconds(1));
    }
}
