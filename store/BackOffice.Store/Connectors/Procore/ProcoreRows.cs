using System.Data.Common;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>Where a record sits: its project (Procore id), the project's cost codes by Procore id, and the commitment of a line.</summary>
public sealed record ProcoreScope(string? ProjectId, IReadOnlyDictionary<string, string> CostCodes, string? CommitmentId = null);

/// <summary>
/// Maps Procore records into the canonical project tables the bundle and the export import fill (DATA-FORMAT.md), with
/// provenance: origin 'procore', Procore's id (source_id) and updated_at (issue 14). Our ids are "pc-" plus a kind
/// and Procore's id, so they never collide with a person's rows. Field names: procore.md section 4.
/// </summary>
internal static class ProcoreRows
{
    public static string Job(string id) => "pc-prj-" + id;

    public static string Vendor(string id) => "pc-ven-" + id;

    public static string Commitment(string id) => "pc-cmt-" + id;

    public static Task<SyncOutcome> ApplyAsync(DbConnection c, DbTransaction t, string kind, JsonObject body, ProcoreScope scope, CancellationToken ct)
    {
        var p = new ProcoreJson(kind, body);
        return kind switch
        {
            "vendors" => ProcoreUpsert.RowAsync(c, t, "project_vendors", "id", Source(p, Vendor(p.Id), new()
            {
                ["name"] = p.Text("name"), ["trade"] = ProcoreJson.Of((body["trades"] as JsonArray)?.FirstOrDefault(), "name"),
            }), ct),
            "projects" => ProcoreUpsert.RowAsync(c, t, "project_jobs", "id", Source(p, Job(p.Id), new()
            {
                ["number"] = p.Optional("project_number"), ["name"] = p.Optional("display_name") ?? p.Text("name"),
                ["status"] = body["active"]?.GetValue<bool>() == false ? "closed" : "active",
                ["start_date"] = p.Date("start_date"), ["substantial_completion_date"] = p.Date("completion_date"),
            }), ct),
            "cost_codes" => CostCodeAsync(c, t, p, ct),
            "detail_rows" => BudgetRowAsync(c, t, p, scope, ct),
            "work_order_contracts" or "purchase_order_contracts" => CommitmentAsync(c, t, p, kind, scope, ct),
            "line_items" => ProcoreUpsert.RowAsync(c, t, "project_commitment_lines", "id", new Dictionary<string, object?>
            {
                ["id"] = "pc-cml-" + p.Id, ["commitment_id"] = Commitment(scope.CommitmentId!), ["cost_code"] = LineCode(p, scope),
                ["description"] = p.Optional("description"), ["amount_cents"] = p.Cents("amount"), ["row_hash"] = p.RowHash,
            }, ct),
            "commitment_change_orders" or "prime_change_orders" => ChangeOrderAsync(c, t, p, kind, scope, ct),
            "prime_contracts" => ProcoreOwnerRows.PrimeContractAsync(c, t, p, scope, ct),
            "payment_applications" => ProcoreOwnerRows.PayAppAsync(c, t, p, scope, ct),
            "requisitions" => ProcoreOwnerRows.RequisitionAsync(c, t, p, scope, ct),
            _ => throw new ProcoreResponseException($"Procore resource '{kind}' is not one the back office reads."),
        };
    }

    /// <summary>The provenance columns every mapped record carries, with its own.</summary>
    public static Dictionary<string, object?> Source(ProcoreJson p, string id, Dictionary<string, object?> row)
    {
        row["id"] = id;
        row["source_id"] = p.Id;
        row["source_updated_at"] = p.Updated;
        row["row_hash"] = p.RowHash;
        return row;
    }

    /// <summary>The cost code of a project cost code id; an id the project does not list is a broken reference, said plainly.</summary>
    public static string Code(ProcoreScope scope, string? costCodeId, ProcoreJson p) =>
        costCodeId is not null && scope.CostCodes.TryGetValue(costCodeId, out var code)
            ? code
            : throw new ProcoreResponseException($"Procore {p.Id}: cost code id '{costCodeId}' is not among project {scope.ProjectId}'s cost codes.");

    private static string LineCode(ProcoreJson p, ProcoreScope scope) =>
        ProcoreJson.Of(p.Body["cost_code"], "full_code") ?? Code(scope, p.Nested("cost_code"), p);

    /// <summary>
    /// Our cost codes are one list for the company while Procore keeps a copy per project (each with its own id): the
    /// digest is of the code and name only, so the same code seen in the next project is unchanged, not rewritten.
    /// </summary>
    private static Task<SyncOutcome> CostCodeAsync(DbConnection c, DbTransaction t, ProcoreJson p, CancellationToken ct)
    {
        var (code, name) = (p.Optional("full_code") ?? p.Text("code"), p.Text("name"));
        return ProcoreUpsert.RowAsync(c, t, "project_cost_codes", "code", new Dictionary<string, object?>
        {
            ["code"] = code, ["description"] = name, ["row_hash"] = ProcoreJson.HashOf(code + "\n" + name),
        }, ct);
    }

    /// <summary>Budget view detail row: original budget; approved changes = budget modifications + approved COs; estimate at completion if the view shows it.</summary>
    private static Task<SyncOutcome> BudgetRowAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct)
    {
        // Unbudgeted rows have no budget line item id; the cost code and category identify them within the project.
        var id = p.Optional("id") ?? $"{scope.ProjectId}-{p.Optional("cost_code_id")}-{p.Optional("category_id")}";
        return ProcoreUpsert.RowAsync(c, t, "project_budget_lines", "id", new Dictionary<string, object?>
        {
            ["id"] = "pc-bud-" + id, ["source_id"] = id, ["source_updated_at"] = p.Updated, ["row_hash"] = p.RowHash,
            ["job_id"] = Job(scope.ProjectId!), ["cost_code"] = Code(scope, p.Optional("cost_code_id"), p),
            ["original_cents"] = p.Cents("original_budget_amount"),
            ["approved_changes_cents"] = p.Cents("budget_modifications", required: false) + p.Cents("approved_cos", required: false),
            ["pm_estimate_at_completion_cents"] = p.OptionalCents("estimated_cost_at_completion"),
        }, ct);
    }

    private static Task<SyncOutcome> CommitmentAsync(DbConnection c, DbTransaction t, ProcoreJson p, string kind, ProcoreScope scope, CancellationToken ct) =>
        ProcoreUpsert.RowAsync(c, t, "project_commitments", "id", Source(p, Commitment(p.Id), new()
        {
            ["job_id"] = Job(p.Nested("project") ?? scope.ProjectId!),
            ["vendor_id"] = Vendor(p.Nested("vendor") ?? throw new ProcoreResponseException($"Procore commitment {p.Id}: 'vendor' is missing.")),
            ["number"] = p.Optional("number") ?? p.Id, ["title"] = p.Optional("title"),
            ["kind"] = kind == "work_order_contracts" ? "subcontract" : "purchase_order", ["status"] = ProcoreStatus.Commitment(p.Text("status")),
            ["retainage_bp"] = p.BasisPoints("retainage_percent") ?? 0, ["contract_date"] = p.Date("contract_date"),
        }), ct);

    private static Task<SyncOutcome> ChangeOrderAsync(DbConnection c, DbTransaction t, ProcoreJson p, string kind, ProcoreScope scope, CancellationToken ct)
    {
        var status = ProcoreStatus.ChangeOrder(p.Text("status"));
        var commitment = kind == "commitment_change_orders" ? Commitment(p.Text("contract_id")) : null;
        return ProcoreUpsert.RowAsync(c, t, "project_change_orders", "id", Source(p, (commitment is null ? "pc-pco-" : "pc-cco-") + p.Id, new()
        {
            ["job_id"] = Job(scope.ProjectId!), ["kind"] = commitment is null ? "prime" : "commitment", ["commitment_id"] = commitment,
            ["number"] = p.Optional("number") ?? p.Id, ["title"] = p.Optional("title"), ["status"] = status, ["amount_cents"] = p.Cents("grand_total"),
            ["approved_date"] = status == "approved" ? p.Date("reviewed_at") ?? p.Date("due_date") : null,
        }), ct);
    }
}
