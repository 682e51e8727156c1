namespace BackOffice.Kernel.Exports;

/// <summary>
/// Procore exports of one project (issue 14; notes/procore.md section 8). The budget export's columns follow the
/// applied budget view; these are the Procore Standard Budget view's ([PC-STD]). The commitments export follows the
/// Contracts tab's default columns ([PC-COM]). Title and total rows of the CSVs were not found: the header is found by
/// content and a "Grand Totals"/"Total" row is skipped. Neither export names the project: give it with --job.
/// </summary>
public static class ProcoreExports
{
    private const string Source = "procore";

    public static IReadOnlyList<ExportLayout> Layouts { get; } =
    [
        new(Source, "budget",
            [R("cost-code", "Cost Code", "Budget Code", "Description"), R("original", "Original Budget Amount", "Original Budget"),
                F("modifications", "Budget Modifications"), F("approved-cos", "Approved COs", "Approved Change Orders"),
                F("revised", "Revised Budget"), F("eac", "Estimated Cost at Completion", "Projected Costs"), F("job", "Project", "Job")],
            "cost-code", ["Budget"], "Procore Standard Budget view columns [PC-STD]; CSV title/total rows NOT FOUND", BudgetLine),
        new(Source, "commitments",
            [R("number", "#", "Number", "Contract #"), R("vendor", "Contract Company", "Company"), F("title", "Title"), R("status", "Status"),
                R("original", "Original Contract Amount"), F("type", "Type", "Contract Type"), F("cost-code", "Cost Code"),
                F("job", "Project", "Job")],
            "number", ["Commitments", "Contracts"], "Contracts tab default columns [PC-COM]; CSV header equality assumed", Commitment),
    ];

    private static ExportField R(string name, params string[] headers) => new(name, headers, true);

    private static ExportField F(string name, params string[] headers) => new(name, headers);

    /// <summary>Approved changes = revised less original (or modifications plus approved COs when there is no revised column).</summary>
    private static void BudgetLine(ExportRow row, ExportBatch batch)
    {
        var job = ExportRecords.Job(row, batch);
        var code = ExportRecords.CostCode(row, batch, "cost-code");
        var original = row.Money("original", required: true) ?? 0m;
        var changes = row.Money("revised") is { } revised ? revised - original
            : (row.Money("modifications") ?? 0m) + (row.Money("approved-cos") ?? 0m);
        var eac = row.Money("eac");
        var values = new Dictionary<string, string>
        {
            ["id"] = ExportBatch.Id(Source, "budget", job ?? "", code ?? ""), ["job_id"] = job ?? "", ["cost_code"] = code ?? "",
            ["original"] = ExportRow.MoneyText(original), ["approved_changes"] = ExportRow.MoneyText(changes),
        };
        if (eac is not null)
        {
            values["pm_estimate_at_completion"] = ExportRow.MoneyText(eac.Value);
        }

        batch.Add("project/budget-lines.csv", values);
    }

    /// <summary>
    /// A commitment with its original amount as one line when the export has a cost code column; the default Contracts
    /// tab has none, so the commitment is stored without lines and the import warns (the amount needs the SOV).
    /// Retainage is not in the export: 0.
    /// </summary>
    private static void Commitment(ExportRow row, ExportBatch batch)
    {
        var job = ExportRecords.Job(row, batch);
        var vendor = ExportRecords.ProjectVendor(row, batch, "vendor");
        var status = ExportStatuses.ProcoreCommitment(row);
        var original = row.Money("original", required: true) ?? 0m;
        var kind = row.Text("type").Contains("purchase", StringComparison.OrdinalIgnoreCase) ? "purchase_order" : "subcontract";
        var number = row.RequiredText("number");
        var id = ExportBatch.Id(Source, "commitment", job ?? "", number);
        batch.Add("project/commitments.csv", new()
        {
            ["id"] = id, ["job_id"] = job ?? "", ["vendor_id"] = vendor ?? "", ["number"] = number, ["title"] = row.Text("title"),
            ["kind"] = kind, ["status"] = status ?? "", ["retainage_percent"] = "0",
        });
        if (row.Has("cost-code"))
        {
            var code = ExportRecords.CostCode(row, batch, "cost-code");
            batch.Add("project/commitment-lines.csv", new()
            {
                ["id"] = id + "-1", ["commitment_id"] = id, ["cost_code"] = code ?? "", ["amount"] = ExportRow.MoneyText(original),
            });
        }
        else
        {
            batch.WarnOnce(row.File, "no Cost Code column: commitments are stored without lines, so their amounts are not imported " +
                "(add the Cost Code column to the Contracts view, or import the schedule of values)");
        }
    }
}
