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
        var where = new ProcoreScope(project, await CostCodesAsync(project, ct));
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
                items => LinesAsync(kind, project, items.Select(i => ProcoreJson.Of(i, "id")!), where, ct), ct);
        }

        await ListAsync($"{project}:cco", "commitment_change_orders", $"/rest/v1.0/projects/{project}/commitment_change_orders", where, null, ct);
        await ListAsync($"{project}:pco", "prime_change_orders", $"/rest/v1.0/projects/{project}/prime_change_orders", where, null, ct);
        await ListAsync($"{project}:prime", "prime_contracts", $"/rest/v1.0/prime_contracts?project_id={project}", where, null, ct);
        await ListAsync($"{project}:pay_apps", "payment_applications", $"/rest/v1.0/payment_applications?project_id={project}", where, null, ct);
        await ListAsync($"{project}:requisitions", "requisitions", $"/rest/v1.1/requisitions?project_id={project}{pass.Filter}", where, null, ct);
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
    /// Reads a list from its saved cursor to the end. <paramref name="beforeApply"/> runs on each page before the page
    /// is applied, so what a page's records bring along (a commitment's line items) is stored before its cursor moves on.
    /// </summary>
    public async Task ListAsync(
        string scope, string kind, string path, ProcoreScope where, Func<IReadOnlyList<JsonObject>, Task>? beforeApply, CancellationToken ct)
    {
        var cursor = pass.Resumable ? pass.Cursors.GetValueOrDefault(scope) : null;
        if (cursor?.Done == true)
        {
            return;
        }

        var page = cursor?.NextPage ?? 1;
        string? url = api.ListUrl(path, (int)page);
        while (url is not null)
        {
            var result = await api.PageAsync(tenant, url, ct);
            pass.Pages++;
            if (beforeApply is not null)
            {
                await beforeApply(result.Items);
            }

            page++;
            var next = pass.Resumable ? new ProcoreCursor(scope, page, result.Next is null) : null;
            pass.Add(kind, await tenant.ProcoreSync.ApplyAsync(kind, result.Items, where, next, ct));
            url = result.Next;
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
    private async Task<Dictionary<string, string>> CostCodesAsync(string project, CancellationToken ct)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var scope = new ProcoreScope(project, codes);
        var replay = new ProcorePass(pass.Cursors, pass.Filter, pass.Progress) { Resumable = false };
        await new ProcoreProjectReader(api, tenant, replay).ListAsync("", "cost_codes", $"/rest/v1.0/cost_codes?project_id={project}", scope,
            items =>
            {
                foreach (var item in items)
                {
                    codes[ProcoreJson.Of(item, "id")!] = ProcoreJson.Of(item, "full_code") ?? ProcoreJson.Of(item, "code")!;
                }

                return Task.CompletedTask;
            }, ct);
        pass.Pages += replay.Pages;
        pass.Add("cost_codes", replay.Counts.GetValueOrDefault("cost_codes", SyncCounts.Zero));
        return codes;
    }
}
