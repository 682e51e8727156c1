using System.Diagnostics;
using System.Globalization;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Reads a tenant's Procore company into the canonical project tables (issue 14): vendors, then the projects, then per
/// project its cost codes, budget view detail rows, subcontracts and purchase orders with their line items, commitment
/// and prime change orders, prime contract, owner invoices and requisitions. Each page is one write unit with its
/// cursor. After the first full pass, a sync asks only for records changed since the last one where Procore documents
/// filters[updated_at] (projects, commitments, requisitions, tasks, and change order packages to find an edited
/// package whose change order did not change; filtering_on_list_actions.md) and re-reads the rest.
/// </summary>
public sealed class ProcoreSync(ProcoreApi api, TimeProvider clock)
{
    public async Task<SyncReport> SyncAsync(TenantData tenant, bool full, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var connection = await RequireAsync(tenant, cancellationToken);
        var started = clock.GetUtcNow();
        var (requests, waits) = (api.Requests, api.RateLimitWaits);
        var watch = Stopwatch.StartNew();
        try
        {
            if (full)
            {
                await tenant.ProcoreSync.StartFullAsync(cancellationToken);
            }

            var since = await SinceAsync(tenant, ProcoreSyncStore.UpdatedSinceKey, cancellationToken);
            var pass = new ProcorePass(await tenant.ProcoreSync.CursorsAsync(cancellationToken), UpdatedFilter(since, started), progress)
            {
                // Issue 14: a full pass (fresh or resumed) asks for the packages edited since the last completed sync.
                PackageFilter = UpdatedFilter(since ?? await SinceAsync(tenant, ProcoreSyncStore.PackagesSinceKey, cancellationToken), started),
            };
            await CompanyAsync(tenant, pass, connection.CompanyId, cancellationToken);
            await tenant.ProcoreSync.CompletePassAsync(StoreTime.ToText(started), cancellationToken);
            await tenant.Procore.RecordSyncAsync(connection.CompanyId, StoreTime.ToText(clock.GetUtcNow()), null, cancellationToken);
            var mode = since is null ? "full" : "changes since " + since.Value.ToString("u", CultureInfo.InvariantCulture);
            return new SyncReport(mode, pass.Counts, api.Requests - requests, watch.Elapsed, pass.Pages, api.RateLimitWaits - waits);
        }
        catch (Exception ex) when (ex is ProcoreApiException or ProcoreResponseException or ProcoreReconnectException or HttpRequestException)
        {
            await tenant.Procore.RecordSyncAsync(connection.CompanyId, null, ex.Message, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Re-reads one project's lists, as a webhook hint about a record of that project asks (issue 14).</summary>
    public async Task<SyncCounts> RefetchProjectAsync(TenantData tenant, string projectId, CancellationToken cancellationToken)
    {
        await RequireAsync(tenant, cancellationToken);
        var pass = new ProcorePass(new Dictionary<string, ProcoreCursor>(), "", null) { Resumable = false };
        await new ProcoreProjectReader(api, tenant, pass).ReadAsync(projectId, cancellationToken);
        return pass.Counts.Values.Aggregate(SyncCounts.Zero, (a, b) => a.Plus(b));
    }

    /// <summary>Re-reads one commitment and its line items (a hint named a Work Order or Purchase Order Contract); counts the commitment.</summary>
    public async Task<SyncCounts> RefetchCommitmentAsync(TenantData tenant, string kind, string projectId, string id, CancellationToken cancellationToken)
    {
        await RequireAsync(tenant, cancellationToken);
        var pass = new ProcorePass(new Dictionary<string, ProcoreCursor>(), "", null) { Resumable = false };
        await new ProcoreProjectReader(api, tenant, pass).CommitmentAsync(kind, projectId, id, cancellationToken);
        return pass.Counts.GetValueOrDefault(kind, SyncCounts.Zero);
    }

    /// <summary>A delete hint for a commitment: read it again as either kind; if Procore has it as neither (404), our commitment is void.</summary>
    public async Task<SyncCounts> DeletedCommitmentAsync(TenantData tenant, string projectId, string id, CancellationToken cancellationToken)
    {
        var counts = SyncCounts.Zero;
        foreach (var kind in new[] { "work_order_contracts", "purchase_order_contracts" })
        {
            counts = counts.Plus(await RefetchCommitmentAsync(tenant, kind, projectId, id, cancellationToken));
            if (counts.Read > 0)
            {
                return counts;
            }
        }

        var removed = await tenant.ProcoreSync.RemoveAsync(ProcoreRemoval.For("work_order_contracts")!, ProcoreRows.Commitment(id), ProcoreRows.Job(projectId), cancellationToken);
        return counts.Plus(new SyncCounts(0, 0, 0, removed));
    }

    /// <summary>A delete hint for a project: if Procore no longer has it (404), our job is closed; else its lists are read again.</summary>
    public async Task<SyncCounts> DeletedProjectAsync(TenantData tenant, string projectId, CancellationToken cancellationToken)
    {
        var connection = await RequireAsync(tenant, cancellationToken);
        if (await api.GetAsync(tenant, $"/rest/v1.0/projects/{projectId}?company_id={connection.CompanyId}", cancellationToken) is not null)
        {
            return await RefetchProjectAsync(tenant, projectId, cancellationToken);
        }

        var job = ProcoreRows.Job(projectId);
        return new SyncCounts(0, 0, 0, await tenant.ProcoreSync.RemoveAsync(ProcoreRemoval.For("projects")!, job, job, cancellationToken));
    }

    private async Task CompanyAsync(TenantData tenant, ProcorePass pass, string company, CancellationToken cancellationToken)
    {
        var reader = new ProcoreProjectReader(api, tenant, pass);
        var none = new ProcoreScope(null, new Dictionary<string, string>());
        await reader.ListAsync("vendors", "vendors", $"/rest/v1.0/vendors?company_id={company}", none, null, cancellationToken);
        await reader.ListAsync("projects", "projects", $"/rest/v1.0/projects?company_id={company}{pass.Filter}", none, null, cancellationToken);
        foreach (var project in await tenant.ProcoreSync.ProjectIdsAsync(cancellationToken))
        {
            await reader.ReadAsync(project, cancellationToken);
            pass.Progress?.Report($"project {project}: {pass.Pages} pages so far");
        }

        await new ProcoreDetails(api, tenant, pass).InsurancesAsync(company, cancellationToken);
    }

    private static async Task<DateTimeOffset?> SinceAsync(TenantData tenant, string key, CancellationToken cancellationToken) =>
        await tenant.ProcoreSync.StateAsync(key, cancellationToken) is { } text ? StoreTime.Parse(text) : null;

    /// <summary>filters[updated_at]=FROM...TO in ISO 8601 (filtering_on_list_actions.md); empty for a full pass.</summary>
    private static string UpdatedFilter(DateTimeOffset? since, DateTimeOffset until) => since is null
        ? ""
        : "&filters[updated_at]=" + Uri.EscapeDataString(
            $"{since.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}...{until.UtcDateTime.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}");

    private static async Task<ProcoreConnection> RequireAsync(TenantData tenant, CancellationToken cancellationToken) =>
        await tenant.Procore.CurrentAsync(cancellationToken)
        ?? throw new ProcoreNotConnectedException($"Tenant {tenant.Tenant} has no Procore connection: run `backoffice connect procore --tenant {tenant.Tenant}`.");
}
