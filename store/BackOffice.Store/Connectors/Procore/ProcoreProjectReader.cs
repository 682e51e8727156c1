using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Reads Procore lists page by page, following Link rel="next" to the end and applying each page with its cursor
/// (issue 14), and knows which lists make up one project (paths from procore.md section 4).
/// </summary>
internal sealed class ProcoreProjectReader(ProcoreApi api, TenantData tenant, ProcorePass pass)
{
    private static readonly string[] CommitmentKinds = ["work_order_contracts", "purchase_order_contracts"];

    public async Task ReadAsync(string project, CancellationToken ct)
    {
        var where = new ProcoreScope(project, await CostCodesAsync(project, ct)) { CostTypes = await CostTypesAsync(project, ct) };
        var views = await api.PageAsync(tenant, api.ListUrl($"/rest/v1.0/budget_views?project_id={project}", 1), ct);
        pass.Pages++;
        // The first budget view; its detail rows carry the original budget, modifications and forecast (budget_views API).
        if (ProcoreJson.Of(views.Items.FirstOrDefault(), "id") is { } view)
        {
            await ListAsync($"{project}:detail_rows", "detail_rows", $"/rest/v1.0/budget_views/{view}/detail_rows?project_id={project}", where, null, ct);
        }

        foreach (var kind in CommitmentKinds)
        {
            await ListAsync($"{project}:{kind}", kind, $"/rest/v1.0/{kind}?project_id={project}{pass.Filter}", where,
                async items =>
                {
                    await LinesAsync(kind, project, items.Select(i => ProcoreJson.Of(i, "id")!), where, ct);
                    return items;
                }, ct);
        }

        var details = new ProcoreDetails(api, tenant, pass);
        var editedPackages = await details.EditedPackagesAsync(project, pass.PackageFilter, ct);
        foreach (var (scope, kind) in new[] { ("cco", "commitment_change_orders"), ("pco", "prime_change_orders") })
        {
            await ListAsync($"{project}:{scope}", kind, $"/rest/v1.0/projects/{project}/{kind}", where,
                items => details.ChangeOrderLinesAsync(kind, project, items, where, editedPackages, ct), ct);
        }

        await ListAsync($"{project}:prime", "prime_contracts", $"/rest/v1.0/prime_contracts?project_id={project}", where, null, ct);
        var payApps = where with { RowHashes = new Dictionary<string, string>(StringComparer.Ordinal) };
        await ListAsync($"{project}:pay_apps", "payment_applications", $"/rest/v1.0/payment_applications?project_id={project}", payApps,
            items => details.PayAppShowsAsync(project, items, (Dictionary<string, string>)payApps.RowHashes!, ct), ct);
        await ListAsync($"{project}:requisitions", "requisitions", $"/rest/v1.1/requisitions?project_id={project}{pass.Filter}", where, null, ct);
        await ListAsync($"{project}:direct_costs", "direct_costs", $"/rest/v1.1/projects/{project}/direct_costs", where, null, ct);
        await ListAsync($"{project}:direct_cost_lines", "direct_cost_lines", $"/rest/v1.0/projects/{project}/direct_costs/line_items", where, null, ct);
        // The schedule (GET /rest/v1.0/tasks?project_id=, filters[updated_at] documented): its leaf tasks feed earned value.
        await ListAsync($"{project}:tasks", "tasks", $"/rest/v1.0/tasks?project_id={project}{pass.Filter}", where,
            items => Task.FromResult(ProcoreScheduleRows.Leaves(items)), ct);
    }

    /// <summary>One commitment by id (GET /rest/v1.0/{kind}/{id}?project_id=) and its line items; a 404 leaves our copy as it is.</summary>
    public async Task CommitmentAsync(string kind, string project, string id, CancellationToken ct)
    {
        var where = new ProcoreScope(project, await CostCodesAsync(project, ct));
        var commitment = await api.GetAsync(tenant, $"/rest/v1.0/{kind}/{id}?project_id={project}", ct);
        if (commitment is null)
        {
            return;
        }

        await LinesAsync(kind, project, [id], where, ct);
        pass.Add(kind, await tenant.ProcoreSync.ApplyAsync(kind, [commitment], where, null, ct));
    }

    /// <summary>
    /// Reads a list from its saved cursor to the end. <paramref name="prepare"/> runs on each page before the page is
    /// applied, so what a page's records bring along (a commitment's line items) is stored before its cursor moves on;
    /// it answers the records to apply (a pay application's show in place of its list record).
    /// </summary>
    public async Task ListAsync(
        string scope, string kind, string path, ProcoreScope where, Func<IReadOnlyList<JsonObject>, Task<IReadOnlyList<JsonObject>>>? prepare, CancellationToken ct)
    {
        var cursor = pass.Resumable ? pass.Cursors.GetValueOrDefault(scope) : null;
        if (cursor?.Done == true)
        {
            return;
        }

        var page = cursor?.NextPage ?? 1;
        // Issue 14: a list read whole from its first page, unfiltered, says what Procore still has; a resumed or filtered one does not.
        var removal = page == 1 && !path.Contains("filters[updated_at]", StringComparison.Ordinal) ? ProcoreRemoval.For(kind) : null;
        var listed = new List<string>();
        string? url = api.ListUrl(path, (int)page);
        while (url is not null)
        {
            var result = await api.PageAsync(tenant, url, ct);
            pass.Pages++;
            listed.AddRange(removal is null ? [] : result.Items.Select(i => removal.Prefix + ProcoreRows.ListedKey(kind, i, where)));
            var items = prepare is null ? result.Items : await prepare(result.Items);
            page++;
            var next = pass.Resumable ? new ProcoreCursor(scope, page, result.Next is null) : null;
            // Records prepare left out (unchanged detail not read again) count as read.
            pass.Add(kind, (await tenant.ProcoreSync.ApplyAsync(kind, items, where, next, ct)).Plus(new SyncCounts(result.Items.Count - items.Count, 0, 0, 0)));
            url = result.Next;
        }

        if (removal is not null)
        {
            var removed = await tenant.ProcoreSync.RemoveAbsentAsync(removal, where.ProjectId is { } p ? ProcoreRows.Job(p) : null,
                where.CommitmentId is { } c ? ProcoreRows.Commitment(c) : null, listed, ct);
            pass.Add(kind, new SyncCounts(0, 0, 0, removed));
        }
    }

    private async Task LinesAsync(string kind, string project, IEnumerable<string> commitments, ProcoreScope where, CancellationToken ct)
    {
        foreach (var id in commitments)
        {
            await ListAsync($"{project}:{id}:lines", "line_items", $"/rest/v1.0/{kind}/{id}/line_items?project_id={project}",
                where with { CommitmentId = id }, null, ct);
        }
    }

    /// <summary>The project's cost codes, always read whole (they are few, and every other list refers to them by Procore id).</summary>
    private async Task<Dictionary<string, string>> CostCodesAsync(string project, CancellationToken ct) =>
        await WholeAsync("cost_codes", $"/rest/v1.0/cost_codes?project_id={project}", project,
            item => ProcoreJson.Of(item, "full_code") ?? ProcoreJson.Of(item, "code")!, ct);

    /// <summary>The project's cost types (GET line_item_types?project_id=, LineItemType: id, name, code, base_type): code, else name.</summary>
    private async Task<Dictionary<string, string>> CostTypesAsync(string project, CancellationToken ct) =>
        await WholeAsync("line_item_types", $"/rest/v1.0/line_item_types?project_id={project}", project,
            item => ProcoreJson.Of(item, "code") ?? ProcoreJson.Of(item, "name") ?? ProcoreJson.Of(item, "id")!, ct);

    /// <summary>A list read whole on every pass (no cursor), as a map from Procore id to what <paramref name="valueOf"/> says.</summary>
    private async Task<Dictionary<string, string>> WholeAsync(string kind, string path, string project, Func<JsonObject, string> valueOf, CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var scope = new ProcoreScope(project, map);
        var replay = new ProcorePass(pass.Cursors, pass.Filter, pass.Progress) { Resumable = false };
        await new ProcoreProjectReader(api, tenant, replay).ListAsync("", kind, path, scope,
            items =>
            {
                foreach (var item in items)
                {
                    map[ProcoreJson.Of(item, "id")!] = valueOf(item);
                }

                return Task.FromResult(items);
            }, ct);
        pass.Pages += replay.Pages;
        pass.Add(kind, replay.Counts.GetValueOrDefault(kind, SyncCounts.Zero));
        return map;
    }
}
