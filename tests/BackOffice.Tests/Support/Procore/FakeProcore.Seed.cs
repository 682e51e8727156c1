using System.Globalization;
using System.Text.Json.Nodes;

namespace BackOffice.Tests.Support.Procore;

/// <summary>The Procore ids of one seeded project, to change its records as someone would in Procore.</summary>
public sealed record FakeProcoreProject(long Id, long Subcontract, long SubcontractLine, long PurchaseOrder, long Requisition, long Vendor, long Package = 0);

/// <summary>
/// Realistic payloads (values invented; field names and types from procore.md section 4: amounts on contracts,
/// change orders and invoices are decimal strings, budget rows are numbers, dates are YYYY-MM-DD and timestamps ISO 8601).
/// </summary>
public sealed partial class FakeProcore
{
    private static readonly (string Full, string Name)[] Codes = [("01-000", "General Requirements"), ("03-300", "Cast-in-Place Concrete"), ("09-250", "Gypsum Board")];

    /// <summary>The company itself and the vendors every project hires from.</summary>
    public void SeedCompany(DateTimeOffset? at = null)
    {
        lock (Lock)
        {
            // The Company model of GET /rest/v1.0/companies (procore_python_sdk): id, name, is_active, logo_url, my_company, pcn_business_experience.
            List("companies").Add(new JsonObject
            {
                ["id"] = CompanyId, ["name"] = CompanyName, ["is_active"] = true, ["logo_url"] = null, ["my_company"] = true, ["pcn_business_experience"] = false,
            });
        }

        Put("vendors", Vendor(4431, "ABC Concrete", "Concrete"), at);
        Put("vendors", Vendor(4432, "Summit Drywall & Paint", "Drywall"), at);
        SeedInsurance(4431, "General Liability", "GL-88120", "2026-12-10", "compliant", at);
        SeedInsurance(4431, "Workers Compensation", "WC-5530", "2026-10-31", "expired", at);
        SeedInsurance(4432, "General Liability", "GL-20417", "2027-06-30", "compliant", at);
    }

    /// <summary>A project with cost codes, a budget, a subcontract and a PO with their lines, a CCO, a prime contract, a pay app and a requisition.</summary>
    public FakeProcoreProject SeedProject(int n, DateTimeOffset? at = null)
    {
        var project = NextId();
        Put("projects", new JsonObject
        {
            ["id"] = project, ["name"] = $"Project {n}", ["display_name"] = $"P-{n}: Project {n}", ["project_number"] = $"P-{n}", ["active"] = true,
            ["stage"] = "Course of Construction", ["start_date"] = "2026-03-02", ["completion_date"] = "2026-12-18", ["address"] = "5678 First Street",
            ["city"] = "Anytown", ["state_code"] = "CA", ["company"] = new JsonObject { ["id"] = CompanyId, ["name"] = CompanyName },
        }, at);
        var codes = Codes.Select(c => Put($"cost_codes:{project}", new JsonObject
        {
            ["id"] = NextId(), ["code"] = c.Full[3..], ["full_code"] = c.Full, ["name"] = c.Name, ["biller_type"] = "Project", ["budgeted"] = true,
        }, at)).ToList();
        SeedBudget(project, codes, at);
        var (subcontract, line) = SeedCommitment(project, "work_order_contracts", "SC-004", 4431, "Approved", "10.0", codes[1], 50000.00m, at);
        var (purchaseOrder, _) = SeedCommitment(project, "purchase_order_contracts", "PO-007", 4432, "Approved", "0.0", codes[2], 4000.00m, at);
        SeedCostTypes(project, at);
        var package = SeedPackage(project, subcontract, codes, at);
        Put($"commitment_change_orders:{project}", new JsonObject
        {
            ["id"] = NextId(), ["contract_id"] = subcontract, ["number"] = "001", ["title"] = "Added footing", ["status"] = "approved",
            ["grand_total"] = "5000.00", ["executed"] = true, ["reviewed_at"] = "2026-04-02T17:10:01Z", ["type"] = "CommitmentChangeOrder",
            ["legacy_package_id"] = package,
        }, at);
        SeedOwnerSide(project, codes, at);
        SeedDirectCost(project, codes, at);
        SeedSchedule(project, at);
        var requisition = SeedRequisition(project, subcontract, line, codes[1], at);
        return new FakeProcoreProject(project, subcontract, line, purchaseOrder, requisition, 4431, package);
    }

    private static JsonObject Vendor(long id, string name, string trade) => new()
    {
        ["id"] = id, ["name"] = name, ["legal_name"] = name + ", Inc.", ["is_active"] = true, ["city"] = "Anytown", ["state_code"] = "CA",
        ["trades"] = new JsonArray(new JsonObject { ["id"] = id + 1, ["name"] = trade }),
    };

    private void SeedBudget(long project, List<JsonObject> codes, DateTimeOffset? at)
    {
        var view = NextId();
        Put($"budget_views:{project}", new JsonObject { ["id"] = view, ["name"] = "Procore Standard Budget", ["description"] = "Standard" }, at);
        foreach (var (code, amount) in codes.Zip(new[] { 12000.0, 60000.0, 4500.0 }))
        {
            Put($"detail_rows:{view}", new JsonObject
            {
                ["id"] = NextId(), ["project_id"] = project, ["cost_code_id"] = code["id"]!.DeepClone(), ["cost_code"] = code["name"]!.DeepClone(),
                ["category_id"] = 11, ["category"] = "Subcontract", ["original_budget_amount"] = amount, ["budget_modifications"] = 0.0,
                ["approved_cos"] = 0.0, ["revised_budget"] = amount, ["estimated_cost_at_completion"] = amount,
                ["budget_forecast"] = new JsonObject { ["amount"] = 0.0, ["automatically_calculated"] = true, ["calculation_strategy"] = "automatic" },
            }, at);
        }
    }

    private (long Contract, long Line) SeedCommitment(
        long project, string kind, string number, long vendor, string status, string retainage, JsonObject code, decimal amount, DateTimeOffset? at)
    {
        var id = NextId();
        var total = amount.ToString("0.00", CultureInfo.InvariantCulture);
        Put($"{kind}:{project}", new JsonObject
        {
            ["id"] = id, ["number"] = number, ["title"] = kind.StartsWith("work", StringComparison.Ordinal) ? "Concrete" : "Drywall board",
            ["status"] = status, ["executed"] = true, ["vendor"] = new JsonObject { ["id"] = vendor, ["company"] = vendor == 4431 ? "ABC Concrete" : "Summit Drywall & Paint" },
            ["project"] = new JsonObject { ["id"] = project }, ["grand_total"] = total, ["approved_change_orders"] = "0.00", ["revised_contract"] = total,
            ["retainage_percent"] = retainage, ["accounting_method"] = "amount", ["contract_date"] = "2026-03-01", ["private"] = false,
        }, at);
        var line = NextId();
        Put($"line_items:{id}", new JsonObject
        {
            ["id"] = line, ["position"] = 1, ["description"] = code["name"]!.DeepClone(), ["amount"] = total, ["total_amount"] = total, ["quantity"] = "1.0",
            ["unit_cost"] = total, ["uom"] = "LS", ["extended_type"] = "manual",
            ["cost_code"] = new JsonObject { ["id"] = code["id"]!.DeepClone(), ["name"] = code["name"]!.DeepClone(), ["full_code"] = code["full_code"]!.DeepClone() },
        }, at);
        return (id, line);
    }

    private void SeedOwnerSide(long project, List<JsonObject> codes, DateTimeOffset? at)
    {
        var prime = NextId();
        Put($"prime_contracts:{project}", new JsonObject
        {
            ["id"] = prime, ["number"] = "1", ["title"] = "Owner contract", ["status"] = "Approved", ["executed"] = true,
            ["grand_total"] = "250000.00", ["retainage_percent"] = "10.0", ["contract_date"] = "2026-02-15",
        }, at);
        Put($"prime_change_orders:{project}", new JsonObject
        {
            ["id"] = NextId(), ["contract_id"] = prime, ["number"] = "PCO-001", ["title"] = "Owner upgrade", ["status"] = "approved",
            ["grand_total"] = "3200.00", ["reviewed_at"] = "2026-05-11T15:00:00Z", ["type"] = "PrimeChangeOrder",
        }, at);
        Put($"payment_applications:{project}", new JsonObject
        {
            ["id"] = NextId(), ["number"] = 1, ["invoice_number"] = "1", ["status"] = "approved", ["billing_date"] = "2026-04-30",
            ["period_start"] = "2026-04-01", ["period_end"] = "2026-04-30", ["contract"] = new JsonObject { ["id"] = prime, ["type"] = "PrimeContract" },
            ["g702"] = new JsonObject
            {
                ["original_contract_sum"] = "250000.00", ["net_change_by_change_orders"] = "3200.00", ["contract_sum_to_date"] = "253200.00",
                ["total_completed_and_stored_to_date"] = "44550.00", ["completed_work_retainage_percent"] = "10.00", ["total_retainage"] = "4455.00",
                ["total_earned_less_retainage"] = "40095.00", ["less_previous_certificates_for_payment"] = "0.00", ["current_payment_due"] = "40095.00",
            },
            ["g703"] = G703(codes),
        }, at);
    }

    private long SeedRequisition(long project, long subcontract, long line, JsonObject code, DateTimeOffset? at)
    {
        var id = NextId();
        Put($"requisitions:{project}", new JsonObject
        {
            ["id"] = id, ["number"] = 1, ["invoice_number"] = "ABC-1187", ["commitment_id"] = subcontract, ["commitment_type"] = "WorkOrderContract",
            ["vendor_id"] = 4431, ["vendor_name"] = "ABC Concrete", ["project_id"] = project, ["billing_date"] = "2026-04-25",
            ["requisition_start"] = "2026-04-01", ["requisition_end"] = "2026-04-30", ["status"] = "approved", ["final"] = false,
            ["percent_complete"] = "40.00%", ["total_claimed_amount"] = "20000.00",
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = NextId(), ["cost_code_id"] = code["id"]!.DeepClone(), ["line_item_id"] = line, ["description_of_work"] = "Foundation work",
                ["scheduled_value"] = "50000.00", ["work_completed_from_previous_application"] = "0.00", ["work_completed_this_period"] = "20000.00",
                ["materials_presently_stored"] = "0.00", ["work_completed_retainage_retained_this_period"] = "2000.00",
                ["materials_stored_retainage_retained_this_period"] = "0.00",
            }),
        }, at);
        return id;
    }
}
