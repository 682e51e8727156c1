using System.Data.Common;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>Where a record sits: its project (Procore id), the project's cost codes by Procore id, and the commitment of a line.</summary>
public sealed record ProcoreScope(string? ProjectId, IReadOnlyDictionary<string, string> CostCodes, string? CommitmentId = null)
{
    /// <summary>The project's cost types (line item types) by Procore id: their code, else their name (issue 14).</summary>
    public IReadOnlyDictionary<string, string> CostTypes { get; init; } = new Dictionary<string, string>();

    /// <summary>Our id of the record a line belongs to (a change order of a change order package's lines).</summary>
    public string? ParentId { get; init; }

    /// <summary>Row digests by Procore id where a record was read in detail (a pay application's show): the list record's mapping digest.</summary>
    public IReadOnlyDictionary<string, string>? RowHashes { get; init; }
}

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

    public static string ChangeOrder(string kind, string id) => (kind == "commitment_change_orders" ? "pc-cco-" : "pc-pco-") + id;

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
            "line_item_types" => Task.FromResult(SyncOutcome.Unchanged),
            "change_order_lines" or "direct_costs" or "direct_cost_lines" => ProcoreCostRows.ApplyAsync(c, t, kind, p, scope, ct),
            "insurances" => ProcoreInsuranceRows.ApplyAsync(c, t, p, scope, ct),
            "tasks" => ProcoreScheduleRows.ApplyAsync(c, t, p, scope, ct),
            _ => throw new ProcoreResponseException($"Procore resource '{kind}' is not one the back office reads."),
        };
    }

    /// <summary>The provenance columns every mapped record carries, with its own (a row_hash the mapping set is kept).</summary>
    public static Dictionary<string, object?> Source(ProcoreJson p, string id, Dictionary<string, object?> row)
    {
        row["id"] = id;
        row["source_id"] = p.Id;
        row["source_updated_at"] = p.Updated;
        row.TryAdd("row_hash", p.RowHash);
        return row;
    }

    /// <summary>The cost code of a project cost code id; an id the project does not list is a broken reference, said plainly.</summary>
    public static string Code(ProcoreScope scope, string? costCodeId, ProcoreJson p) =>
        costCodeId is not null && scope.CostCodes.TryGetValue(costCodeId, out var code)
            ? code
            : throw new ProcoreResponseException($"Procore {p.Id}: cost code id '{costCodeId}' is not among project {scope.ProjectId}'s cost codes.");

    /// <summary>A cost type: the nested line_item_type's code, else the project's cost type of that id (line_item_types), else null.</summary>
    public static string? CostType(ProcoreScope scope, JsonNode? nested, string? id) =>
        ProcoreJson.Of(nested, "code") ?? ProcoreJson.Of(nested, "name")
        ?? (id is not null && scope.CostTypes.TryGetValue(id, out var type) ? type : null);

    /// <summary>A line's cost code: the nested cost_code's full_code, else its id among the project's cost codes.</summary>
    public static string LineCode(ProcoreJson p, ProcoreScope scope) =>
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

    /// <summary>The Procore part of our id of a listed record (after the kind's prefix).</summary>
    public static string ListedKey(string kind, JsonObject record, ProcoreScope scope) =>
        kind == "detail_rows" ? BudgetKey(record, scope.ProjectId) : ProcoreJson.Of(record, "id")!;

    /// <summary>A budget row's key: its budget line item id; unbudgeted rows have none, so the cost code and category within the project.</summary>
    public static string BudgetKey(JsonObject row, string? project) =>
        ProcoreJson.Of(row, "id") ?? $"{project}-{ProcoreJson.Of(row, "cost_code_id")}-{ProcoreJson.Of(row, "category_id")}";

    /// <summary>Budget view detail row: original budget; approved changes = budget modifications + approved COs; estimate at completion if the view shows it.</summary>
    private static Task<SyncOutcome> BudgetRowAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct)
    {
        var id = BudgetKey(p.Body, scope.ProjectId);
        return ProcoreUpsert.RowAsync(c, t, "project_budget_lines", "id", new Dictionary<string, object?>
        {
            ["id"] = "pc-bud-" + id, ["source_id"] = id, ["source_updated_at"] = p.Updated, ["row_hash"] = ProcoreJson.MappingHash(p.Body),
            ["job_id"] = Job(scope.ProjectId!), ["cost_code"] = Code(scope, p.Optional("cost_code_id"), p),
            ["original_cents"] = p.Cents("original_budget_amount"),
            ["approved_changes_cents"] = p.Cents("budget_modifications", required: false) + p.Cents("approved_cos", required: false),
            ["pm_estimate_at_completion_cents"] = p.OptionalCents("estimated_cost_at_completion"),
            ["cost_type"] = CostType(scope, null, p.Optional("category_id")) ?? p.Optional("category"),
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
        return ProcoreUpsert.RowAsync(c, t, "project_change_orders", "id", Source(p, ChangeOrder(kind, p.Id), new()
        {
            ["job_id"] = Job(scope.ProjectId!), ["kind"] = commitment is null ? "prime" : "commitment", ["commitment_id"] = commitment,
            ["number"] = p.Optional("number") ?? p.Id, ["title"] = p.Optional("title"), ["status"] = status, ["amount_cents"] = p.Cents("grand_total"),
            ["approved_date"] = status == "approved" ? p.Date("reviewed_at") ?? p.Date("due_date") : null,
            // The mapping's digest: a change order stored before its package lines were read is read again once.
            ["row_hash"] = ProcoreJson.MappingHash(p.Body),
        }), ct);
    }
}
