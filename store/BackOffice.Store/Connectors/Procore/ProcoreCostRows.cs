using System.Data.Common;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Change order lines and direct costs into the canonical tables of migration 1440 (issue 14), with provenance. Shapes
/// from the OpenAPI-generated SDK (weigandconstruction/procore_python_sdk, procore.md section 4): a change order
/// package's line_items (RestV10ChangeOrderPackagesIdGet200ResponseLineItemsInner: cost_code{}, line_item_type{},
/// total_amount), direct cost items (RestV11ProjectsProjectIdDirectCostsGet200ResponseInner) and their line items
/// (RestV10ProjectsProjectIdDirectCostsLineItemsGet200ResponseInner, whose holder{id, holder_type} names the item).
/// </summary>
internal static class ProcoreCostRows
{
    public static string DirectCost(string id) => "pc-dc-" + id;

    public static Task<SyncOutcome> ApplyAsync(DbConnection c, DbTransaction t, string kind, ProcoreJson p, ProcoreScope scope, CancellationToken ct) =>
        kind switch
        {
            "change_order_lines" => ProcoreUpsert.RowAsync(c, t, "project_change_order_lines", "id", new Dictionary<string, object?>
            {
                ["id"] = "pc-col-" + p.Id, ["change_order_id"] = scope.ParentId
                    ?? throw new ProcoreResponseException($"Procore change order line {p.Id}: read without its change order."),
                ["cost_code"] = ProcoreRows.LineCode(p, scope), ["cost_type"] = ProcoreRows.CostType(scope, p.Body["line_item_type"], null),
                ["description"] = p.Optional("description"), ["amount_cents"] = LineAmount(p), ["row_hash"] = p.RowHash,
            }, ct),
            "direct_costs" => ProcoreUpsert.RowAsync(c, t, "project_direct_costs", "id", ProcoreRows.Source(p, DirectCost(p.Id), new()
            {
                ["job_id"] = ProcoreRows.Job(scope.ProjectId!), ["kind"] = p.Optional("direct_cost_type") ?? "invoice",
                ["status"] = ProcoreStatus.DirectCost(p.Text("status")),
                ["cost_date"] = p.Date("direct_cost_date") ?? p.Date("received_date") ?? p.Date("created_at")
                    ?? throw new ProcoreResponseException($"Procore direct cost {p.Id}: 'direct_cost_date' is missing."),
                ["vendor_name"] = p.Optional("vendor_name") ?? p.Optional("vendor"), ["invoice_number"] = p.Optional("invoice_number"),
                ["description"] = p.Optional("description"), ["amount_cents"] = p.OptionalCents("grand_total") ?? p.Cents("amount"),
            }), ct),
            "direct_cost_lines" => ProcoreUpsert.RowAsync(c, t, "project_direct_cost_lines", "id", new Dictionary<string, object?>
            {
                ["id"] = "pc-dcl-" + p.Id, ["direct_cost_id"] = DirectCost(p.Nested("holder")
                    ?? throw new ProcoreResponseException($"Procore direct cost line {p.Id}: 'holder' is missing.")),
                ["cost_code"] = ProcoreRows.LineCode(p, scope), ["cost_type"] = ProcoreRows.CostType(scope, p.Body["line_item_type"], null),
                ["description"] = p.Optional("description"), ["amount_cents"] = LineAmount(p), ["row_hash"] = p.RowHash,
            }, ct),
            _ => throw new ProcoreResponseException($"Procore resource '{kind}' is not one the back office reads."),
        };

    /// <summary>A line item's amount: total_amount (a number in the SDK's model), else the decimal-string amount.</summary>
    private static long LineAmount(ProcoreJson p) => p.OptionalCents("total_amount") ?? p.Cents("amount");
}
