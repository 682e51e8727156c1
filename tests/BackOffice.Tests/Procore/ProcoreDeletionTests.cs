using System.Globalization;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;
using Dapper;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14: a record deleted in Procore closes or removes our row that came from Procore, journaled, and never a row a
/// person created: found absent from a list read whole, or named by a delete webhook and confirmed by a 404.
/// </summary>
public sealed class ProcoreDeletionTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task FullSync_RecordsDeletedInProcore_AreClosedOrRemovedAndJournaled()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(1)[0];
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        var job = "pc-prj-" + Id(project.Id);
        await AddPeoplesBudgetLineAsync(h, job);
        h.Fake.Remove($"work_order_contracts:{project.Id}", project.Subcontract);
        var directCostLine = (long)h.Fake.Lists[$"direct_cost_lines:{project.Id}"][0]["id"]!;
        h.Fake.Remove($"direct_cost_lines:{project.Id}", directCostLine);

        var report = await sync.SyncAsync(h.Tenant, full: true, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        var subcontract = "pc-cmt-" + Id(project.Subcontract);
        Assert.Equal("void", await c.ExecuteScalarAsync<string>("SELECT status FROM project_commitments WHERE id = @subcontract", new { subcontract }));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_direct_cost_lines WHERE id = @id", new { id = "pc-dcl-" + Id(directCostLine) }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_direct_cost_lines WHERE origin = 'procore'"));
        // A budget line a person keyed on the synced job is not in Procore's list, and stays.
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_budget_lines WHERE id = 'bl-by-hand'"));
        Assert.Equal(1, report.Entities["work_order_contracts"].Deleted);
        var journal = (await c.QueryAsync<(string Kind, string Key)>("SELECT kind, entity_key FROM change_journal WHERE source = 'procore:delete' ORDER BY seq")).ToList();
        Assert.Contains(("project_commitments", subcontract), journal);
        Assert.Contains(("project_direct_costs", "pc-dc-" + Id((long)h.Fake.Lists[$"direct_costs:{project.Id}"][0]["id"]!)), journal);
        Assert.Contains(("job", job), journal);
    }

    [Fact]
    public async Task IncrementalSync_FilteredListsLeaveNothingOut()
    {
        await using var h = await ProcoreHarness.StartAsync();
        h.Seed(2);
        await h.ConnectServiceAccountAsync();
        var sync = h.Get<ProcoreSync>();
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        // The second pass asks for changes only: an empty filtered list says nothing about what Procore still has.
        await sync.SyncAsync(h.Tenant, full: false, null, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM project_commitments WHERE status = 'void' OR row_hash = 'deleted in Procore'"));
        Assert.Equal(0, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM change_journal WHERE source = 'procore:delete'"));
    }

    [Theory]
    [InlineData(true, "void")]
    [InlineData(false, "approved")]
    public async Task DeleteHint_Commitment_IsVoidOnlyWhenProcoreNoLongerHasIt(bool deleted, string expected)
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(1)[0];
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        if (deleted)
        {
            h.Fake.Remove($"work_order_contracts:{project.Id}", project.Subcontract);
        }

        var hint = ProcoreHint.Parse($$"""
            {"id":9,"company_id":{{FakeProcore.CompanyId}},"project_id":{{project.Id}},"event_type":"delete","resource_name":"Work Order Contracts","resource_id":{{project.Subcontract}}}
            """);
        await h.Get<ProcoreHints>().RefetchAsync(h.Tenant, hint.Target!, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(expected, await c.ExecuteScalarAsync<string>("SELECT status FROM project_commitments WHERE id = @id", new { id = "pc-cmt-" + Id(project.Subcontract) }));
    }

    [Fact]
    public async Task DeleteHint_ProjectGoneFromProcore_ClosesTheJob()
    {
        await using var h = await ProcoreHarness.StartAsync();
        var project = h.Seed(2)[1];
        await h.ConnectServiceAccountAsync();
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        h.Fake.Remove("projects", project.Id);

        var hint = ProcoreHint.Parse($$"""{"id":10,"company_id":{{FakeProcore.CompanyId}},"event_type":"delete","resource_name":"Projects","resource_id":{{project.Id}}}""");
        await h.Get<ProcoreHints>().RefetchAsync(h.Tenant, hint.Target!, Ct);

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(["active", "closed"], (await c.QueryAsync<string>("SELECT status FROM project_jobs WHERE origin = 'procore' ORDER BY CAST(source_id AS INTEGER)")).ToList());
    }

    private static async Task AddPeoplesBudgetLineAsync(ProcoreHarness h, string job)
    {
        await using var c = await h.Tenant.OpenAsync(Ct);
        await c.ExecuteAsync(
            "INSERT INTO project_budget_lines (id, job_id, cost_code, original_cents, approved_changes_cents, row_hash) VALUES ('bl-by-hand', @job, '01-000', 100000, 0, 'h')",
            new { job });
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
