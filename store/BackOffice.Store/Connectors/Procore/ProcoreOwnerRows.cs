using BackOffice.Store.Tenancy;
using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// Prime contracts, owner invoices (payment applications, G702 figures) and subcontractor invoices (requisitions with
/// their items) into the canonical tables (issue 14; shapes from procore.md section 4 and tutorial_requisitions.md).
/// </summary>
internal static class ProcoreOwnerRows
{
    /// <summary>The prime contract's original sum and retainage become the job's contract and retainage (DATA-FORMAT.md jobs).</summary>
    public static async Task<SyncOutcome> PrimeContractAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct)
    {
        var changed = await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE project_jobs SET contract_cents = @Contract, retainage_bp = @Retainage
            WHERE id = @Job AND origin = 'procore' AND (contract_cents IS NOT @Contract OR retainage_bp IS NOT @Retainage)
            """, new { Job = ProcoreRows.Job(scope.ProjectId!), Contract = p.Cents("grand_total"), Retainage = p.BasisPoints("retainage_percent") },
            t, cancellationToken: ct));
        if (changed > 0)
        {
            ProcoreUpsert.Touch(t, new Sweeps.ChangedEntity("job", ProcoreRows.Job(scope.ProjectId!)));
        }

        return changed > 0 ? SyncOutcome.Changed : SyncOutcome.Unchanged;
    }

    /// <summary>
    /// G702 figures: line 4 (completed and stored to date) less the G703 lines' materials presently stored (column F)
    /// as work completed, their stored material apart (DATA-FORMAT.md pay apps); line 5 total retainage; line 8 current
    /// payment due. The show (GET payment_applications/{id}) carries the g703 lines; a list record without them stores
    /// line 4 as work completed.
    /// </summary>
    public static async Task<SyncOutcome> PayAppAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct)
    {
        var g702 = p.Body["g702"] as JsonObject ?? throw new ProcoreResponseException($"Procore payment application {p.Id}: 'g702' is missing.");
        var lines = (p.Body["g703"] as JsonArray)?.OfType<JsonObject>().Select(l => new ProcoreJson("G703 line", l)).ToList();
        var stored = lines?.Sum(l => l.Cents("materials_presently_stored", required: false)) ?? 0L;
        var id = "pc-pa-" + p.Id;
        var outcome = await ProcoreUpsert.RowAsync(c, t, "project_pay_apps", "id", ProcoreRows.Source(p, id, new()
        {
            ["job_id"] = ProcoreRows.Job(scope.ProjectId!), ["number"] = p.Optional("number") ?? p.Id,
            ["period_end"] = p.Date("period_end") ?? ProcoreJson.Of(p.Body["billing_period"], "end_date") ?? p.Text("billing_date"),
            ["work_completed_to_date_cents"] = Cents(g702, "total_completed_and_stored_to_date", p) - stored, ["stored_materials_cents"] = stored,
            ["retainage_held_to_date_cents"] = Cents(g702, "total_retainage", p), ["amount_due_cents"] = Cents(g702, "current_payment_due", p),
            ["status"] = ProcoreStatus.PayApp(p.Text("status")),
            ["retainage_bp"] = new ProcoreJson("g702", g702).BasisPoints("completed_work_retainage_percent"),
            ["row_hash"] = scope.RowHashes?.GetValueOrDefault(p.Id) ?? p.RowHash,
        }), ct);
        if (lines is not null)
        {
            await G703Async(c, t, id, lines, scope, ct);
        }

        return outcome;
    }

    /// <summary>
    /// A requisition: gross this period = the items' work completed this period, retainage = what they retained this
    /// period (DATA-FORMAT.md sub invoices: lines sum to the amount); without items, total_claimed_amount and no retainage.
    /// </summary>
    public static async Task<SyncOutcome> RequisitionAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct)
    {
        var items = (p.Body["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => new ProcoreJson("requisition item", i)).ToList();
        var amount = items.Count > 0 ? items.Sum(i => i.Cents("work_completed_this_period")) : p.Cents("total_claimed_amount");
        var retainage = items.Sum(i => i.Cents("work_completed_retainage_retained_this_period", required: false)
                                       + i.Cents("materials_stored_retainage_retained_this_period", required: false));
        var id = "pc-req-" + p.Id;
        var outcome = await ProcoreUpsert.RowAsync(c, t, "project_sub_invoices", "id", ProcoreRows.Source(p, id, new()
        {
            ["commitment_id"] = ProcoreRows.Commitment(p.Text("commitment_id")), ["number"] = p.Optional("invoice_number") ?? p.Text("number"),
            ["invoice_date"] = p.Date("billing_date") ?? p.Text("requisition_end"), ["period_end"] = p.Date("requisition_end"),
            ["amount_cents"] = amount, ["retainage_cents"] = retainage, ["status"] = ProcoreStatus.SubInvoice(p.Text("status")),
        }), ct);
        foreach (var item in items)
        {
            await ProcoreUpsert.RowAsync(c, t, "project_sub_invoice_lines", "id", new Dictionary<string, object?>
            {
                ["id"] = "pc-rqi-" + item.Id, ["sub_invoice_id"] = id, ["cost_code"] = ProcoreRows.Code(scope, item.Optional("cost_code_id"), item),
                ["description"] = item.Optional("description_of_work"), ["amount_cents"] = item.Cents("work_completed_this_period"), ["row_hash"] = item.RowHash,
            }, ct);
        }

        return outcome;
    }

    /// <summary>G703 lines: column C scheduled value, D + E work completed, F stored; a line Procore no longer lists is removed.</summary>
    private static async Task G703Async(DbConnection c, DbTransaction t, string payApp, List<ProcoreJson> lines, ProcoreScope scope, CancellationToken ct)
    {
        foreach (var line in lines)
        {
            await ProcoreUpsert.RowAsync(c, t, "project_pay_app_lines", "id", new Dictionary<string, object?>
            {
                ["id"] = "pc-g703-" + line.Id, ["pay_app_id"] = payApp, ["cost_code"] = ProcoreRows.LineCode(line, scope),
                ["scheduled_value_cents"] = line.Cents("scheduled_value"),
                ["completed_to_date_cents"] = line.Cents("work_completed_from_previous_application", required: false) + line.Cents("work_completed_this_period", required: false),
                ["stored_materials_cents"] = line.Cents("materials_presently_stored", required: false),
                ["description"] = line.Optional("description_override") ?? line.Optional("description_of_work"), ["row_hash"] = line.RowHash,
            }, ct);
        }

        await c.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM project_pay_app_lines WHERE pay_app_id = @payApp AND origin = 'procore' AND NOT {StoreSql.InJson(c, "id", "@keep")}",
            new { payApp, keep = System.Text.Json.JsonSerializer.Serialize(lines.Select(l => "pc-g703-" + l.Id)) }, t, cancellationToken: ct));
    }

    private static long Cents(JsonObject g702, string field, ProcoreJson p) =>
        ProcoreJson.CentsOf(g702, field) ?? throw new ProcoreResponseException($"Procore payment application {p.Id}: g702 '{field}' is missing.");
}
