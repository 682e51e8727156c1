using System.Data.Common;

namespace BackOffice.Store.Connectors.Procore;

/// <summary>
/// A vendor's insurance policy (issue 14; the SDK's Insurance model: id, vendor_id, insurance_type, policy_number,
/// insurance_provider, limit (decimal string), effective_date, expiration_date, status, exempt) into
/// project_vendor_insurances, with provenance.
/// </summary>
internal static class ProcoreInsuranceRows
{
    public const string Prefix = "pc-ins-";

    public static Task<SyncOutcome> ApplyAsync(DbConnection c, DbTransaction t, ProcoreJson p, ProcoreScope scope, CancellationToken ct) =>
        ProcoreUpsert.RowAsync(c, t, "project_vendor_insurances", "id", ProcoreRows.Source(p, Prefix + p.Id, new()
        {
            ["vendor_id"] = scope.ParentId ?? ProcoreRows.Vendor(p.Text("vendor_id")), ["insurance_type"] = p.Optional("insurance_type"),
            ["policy_number"] = p.Optional("policy_number"), ["provider"] = p.Optional("insurance_provider"), ["limit_cents"] = p.OptionalCents("limit"),
            ["effective_date"] = p.Date("effective_date"), ["expiration_date"] = p.Date("expiration_date"), ["status"] = p.Optional("status"),
            ["exempt"] = p.Body["exempt"]?.GetValue<bool>() == true ? 1 : 0,
        }), ct);
}
