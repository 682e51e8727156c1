namespace BackOffice.Kernel.Exports;

/// <summary>
/// Names in an export row made into record ids (issue 14): a job or project vendor the tenant does not have yet is
/// created with a derived id; an employee, ledger customer or ledger vendor must already exist (their master data
/// comes from elsewhere); an unsure name holds the row for a person.
/// </summary>
public static class ExportRecords
{
    /// <summary>Buildertrend's placeholder cost code that rides along with real ones (notes/procore.md section 6).</summary>
    private const string FlatRate = "Buildertrend Flat Rate";

    public static string? Job(ExportRow row, ExportBatch batch, string field = "job")
    {
        var name = row.TextOrNull(field) ?? batch.DefaultJob;
        if (name is null)
        {
            row.Fail(field, "a job is required: this export has no job column, so name the job with --job");
            return null;
        }

        return Resolve(row, batch, field, NameEntity.Job, name, id =>
            batch.Add("project/jobs.csv", new() { ["id"] = id, ["name"] = name, ["status"] = "active" }));
    }

    public static string? ProjectVendor(ExportRow row, ExportBatch batch, string field)
    {
        var name = row.RequiredText(field);
        return name.Length == 0 ? null : Resolve(row, batch, field, NameEntity.Vendor, name, id =>
            batch.Add("project/vendors.csv", new() { ["id"] = id, ["name"] = name }));
    }

    /// <summary>A record that must already be there (stored, or earlier in this import): none is an error naming what to import first.</summary>
    public static string? Existing(ExportRow row, ExportBatch batch, string field, string entity, string importFirst)
    {
        var name = row.RequiredText(field);
        if (name.Length == 0)
        {
            return null;
        }

        var answer = batch.Names.Resolve(entity, name);
        if (answer.IsNew)
        {
            row.Fail(field, $"no {entity.Replace('-', ' ')} is named '{name}'; {importFirst}");
            return null;
        }

        return Held(row, batch, field, entity, name, answer);
    }

    /// <summary>
    /// One cost code from a cell: "01-100 - General Conditions" is code 01-100; several codes in one cell (Buildertrend
    /// puts them on separate lines) cannot carry one amount and are refused. A code not stored yet is added.
    /// </summary>
    public static string? CostCode(ExportRow row, ExportBatch batch, string field, bool required = true)
    {
        var codes = row.Text(field).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(c => !c.Equals(FlatRate, StringComparison.OrdinalIgnoreCase) && !ExportValues.IsBlank(c)).ToList();
        if (codes.Count != 1)
        {
            if (codes.Count > 1 || required)
            {
                row.Fail(field, codes.Count == 0 ? "a cost code is required" : $"expected one cost code, got {codes.Count}: export one line per cost code");
            }

            return null;
        }

        var parts = codes[0].Split(" - ", 2, StringSplitOptions.TrimEntries);
        var code = parts[0];
        if (!batch.HasCostCode(code))
        {
            batch.Add("project/cost-codes.csv", new() { ["code"] = code, ["description"] = parts.Length > 1 ? parts[1] : code });
        }

        return code;
    }

    private static string? Resolve(ExportRow row, ExportBatch batch, string field, string entity, string name, Action<string> create)
    {
        var answer = batch.Names.Resolve(entity, name);
        if (!answer.IsNew)
        {
            return Held(row, batch, field, entity, name, answer);
        }

        var id = ExportBatch.Id(row.Source, entity, name);
        batch.Names.Register(entity, id, name);
        create(id);
        return id;
    }

    private static string? Held(ExportRow row, ExportBatch batch, string field, string entity, string name, NameAnswer answer)
    {
        if (!answer.IsUnsure)
        {
            return answer.Id;
        }

        batch.Unsure.Add(new UnsureName(row.File, row.Row, row.Header(field), entity, name, answer.Candidates));
        row.Hold();
        return null;
    }
}
