using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// What a list record does not carry and one more request per record reads (issue 14): a change order's line items with
/// their cost codes (its change order package, or its request's package or potential change orders), and a pay
/// application's G703 lines (its show, GET /rest/v1.0/payment_applications/{id}, which adds g703[]; procore.md section 4).
/// A record whose list digest is what we stored is not read again, so an unchanged project costs no extra requests.
/// </summary>
internal sealed class ProcoreDetails(ProcoreApi api, TenantData tenant, ProcorePass pass)
{
    private static readonly ProcoreLines ChangeOrderLines = new("project_change_order_lines", "change_order_id", "pc-col-");
    private static readonly ProcoreLines Insurances = new("project_vendor_insurances", "vendor_id", ProcoreInsuranceRows.Prefix);

    /// <summary>
    /// The ids of the project's change order packages edited within <paramref name="filter"/> (filters[updated_at]):
    /// GET /rest/v1.0/change_order_packages?project_id= documents that filter (procore_python_sdk
    /// ConstructionFinancialsChangeOrdersChangeOrderPackagesApi.md, "List Change Order Packages"). None on a pass
    /// without a filter, which reads every changed change order anyway. Issue 14: a package edited in Procore leaves its
    /// change order's list record as it was, so the order's digest alone would never read the package again.
    /// </summary>
    public async Task<IReadOnlySet<string>> EditedPackagesAsync(string project, string filter, CancellationToken ct) =>
        filter.Length == 0
            ? new HashSet<string>()
            : (await AllPagesAsync($"/rest/v1.0/change_order_packages?project_id={project}{filter}", ct))
                .Select(p => ProcoreJson.Of(p, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Reads the lines of each new or changed change order of the page, and of each whose package was edited (its
    /// legacy_package_id, or a change order request, which names its package only in its own record, when any package
    /// of the project was); answers the page to apply as it is.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> ChangeOrderLinesAsync(
        string kind, string project, IReadOnlyList<JsonObject> items, ProcoreScope where, IReadOnlySet<string> editedPackages, CancellationToken ct)
    {
        var changed = await ChangedAsync("project_change_orders", items, ct);
        var edited = items.Where(i => !changed.Contains(i) && PackageEdited(i, editedPackages));
        foreach (var item in changed.Concat(edited).ToList())
        {
            // Null: Procore shows no lines for it (or no longer shows their holder, 404); the lines we hold stay.
            if (await LinesOfAsync(item, project, ct) is not { } lines)
            {
                continue;
            }

            var scope = where with { ParentId = ProcoreRows.ChangeOrder(kind, ProcoreJson.Of(item, "id")!) };
            pass.Add("change_order_lines", await tenant.ProcoreSync.ReplaceLinesAsync("change_order_lines", ChangeOrderLines, lines, scope, ct));
        }

        return items;
    }

    private static bool PackageEdited(JsonObject order, IReadOnlySet<string> edited) =>
        edited.Count > 0 && (ProcoreJson.Of(order, "legacy_package_id") is { } package
            ? edited.Contains(package)
            : ProcoreJson.Of(order, "legacy_request_id") is not null);

    /// <summary>
    /// A change order's lines by the ids its record gives (Default/Extended change order models of procore_python_sdk):
    /// its change order package (legacy_package_id, GET /rest/v1.0/change_order_packages/{id}, line_items[]); without
    /// one, its change order request (legacy_request_id, GET /rest/v1.0/change_order_requests/{id}, whose
    /// change_order_package_id names the package), and for a request with no package the line items of the potential
    /// change orders that request gathers (GET /rest/v1.0/potential_change_orders?filters[contract_id]= where
    /// change_order_request_id is the request, then /potential_change_orders/{id}/line_items). Issue 14.
    /// </summary>
    private async Task<List<JsonObject>?> LinesOfAsync(JsonObject order, string project, CancellationToken ct)
    {
        var contractId = ProcoreJson.Of(order, "contract_id");
        var contract = contractId is null ? "" : "&contract_id=" + contractId;
        var package = ProcoreJson.Of(order, "legacy_package_id");
        if (package is null && ProcoreJson.Of(order, "legacy_request_id") is { } request)
        {
            if (await api.GetAsync(tenant, $"/rest/v1.0/change_order_requests/{request}?project_id={project}{contract}", ct) is not { } cor)
            {
                return null;
            }

            package = ProcoreJson.Of(cor, "change_order_package_id");
            if (package is null)
            {
                return await PotentialLinesAsync(project, contractId, request, ct);
            }
        }

        if (package is null || await api.GetAsync(tenant, $"/rest/v1.0/change_order_packages/{package}?project_id={project}{contract}", ct) is not { } body)
        {
            return null;
        }

        return (body["line_items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    /// <summary>The line items of the potential change orders of one change order request (three-tier change orders).</summary>
    private async Task<List<JsonObject>> PotentialLinesAsync(string project, string? contract, string request, CancellationToken ct)
    {
        var filter = contract is null ? "" : "&filters[contract_id]=" + contract;
        var lines = new List<JsonObject>();
        foreach (var pco in await AllPagesAsync($"/rest/v1.0/potential_change_orders?project_id={project}{filter}", ct))
        {
            if (ProcoreJson.Of(pco, "change_order_request_id") == request)
            {
                lines.AddRange(await AllPagesAsync($"/rest/v1.0/potential_change_orders/{ProcoreJson.Of(pco, "id")}/line_items?project_id={project}", ct));
            }
        }

        return lines;
    }

    /// <summary>
    /// In place of each new or changed pay application of the page, its show (with g703[]); unchanged ones are left out.
    /// <paramref name="hashes"/> receives each list record's mapping digest, which the stored row keeps.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> PayAppShowsAsync(
        string project, IReadOnlyList<JsonObject> items, Dictionary<string, string> hashes, CancellationToken ct)
    {
        var shows = new List<JsonObject>();
        foreach (var item in await ChangedAsync("project_pay_apps", items, ct))
        {
            var id = ProcoreJson.Of(item, "id")!;
            hashes[id] = ProcoreJson.MappingHash(item);
            shows.Add(await api.GetAsync(tenant, $"/rest/v1.0/payment_applications/{id}?project_id={project}", ct) ?? item);
        }

        return shows;
    }

    /// <summary>
    /// The insurance policies of each vendor holding an open commitment (GET /rest/v1.0/companies/{company}/vendors/{id}/insurances,
    /// every page), each vendor's set applied whole: a policy Procore no longer lists is removed (issue 14).
    /// </summary>
    public async Task InsurancesAsync(string company, CancellationToken ct)
    {
        foreach (var vendor in await tenant.ProcoreSync.OpenCommitmentVendorIdsAsync(ct))
        {
            var items = await AllPagesAsync($"/rest/v1.0/companies/{company}/vendors/{vendor}/insurances", ct);
            var scope = new ProcoreScope(null, new Dictionary<string, string>()) { ParentId = ProcoreRows.Vendor(vendor) };
            pass.Add("insurances", await tenant.ProcoreSync.ReplaceLinesAsync("insurances", Insurances, items, scope, ct));
        }
    }

    /// <summary>Every record of a list, page by page to the end (Link rel="next").</summary>
    private async Task<List<JsonObject>> AllPagesAsync(string path, CancellationToken ct)
    {
        var items = new List<JsonObject>();
        string? url = api.ListUrl(path, 1);
        while (url is not null)
        {
            var page = await api.PageAsync(tenant, url, ct);
            pass.Pages++;
            items.AddRange(page.Items);
            url = page.Next;
        }

        return items;
    }

    /// <summary>The records of the page whose mapping digest differs from the stored row's (new ones included).</summary>
    private async Task<List<JsonObject>> ChangedAsync(string table, IReadOnlyList<JsonObject> items, CancellationToken ct)
    {
        var held = await tenant.ProcoreSync.HeldHashesAsync(table, items.Select(i => ProcoreJson.Of(i, "id")!), ct);
        return items.Where(i => held.GetValueOrDefault(ProcoreJson.Of(i, "id")!) != ProcoreJson.MappingHash(i)).ToList();
    }
}
