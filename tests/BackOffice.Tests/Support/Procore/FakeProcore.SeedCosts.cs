using System.Text.Json.Nodes;

namespace BackOffice.Tests.Support.Procore;

/// <summary>
/// Cost types, a change order package with cost-coded line items, G703 lines and a direct cost (issue 14; values
/// invented, field names from the OpenAPI-generated SDK weigandconstruction/procore_python_sdk: LineItemType,
/// RestV10ChangeOrderPackagesIdGet200ResponseLineItemsInner, RestV10PaymentApplicationsIdGet200ResponseAllOfG703Inner,
/// RestV11ProjectsProjectIdDirectCostsGet200ResponseInner, RestV10ProjectsProjectIdDirectCostsLineItemsGet200ResponseInner).
/// </summary>
public sealed partial class FakeProcore
{
    /// <summary>The project's line item types (cost types); 11 is the budget rows' category.</summary>
    private void SeedCostTypes(long project, DateTimeOffset? at)
    {
        foreach (var (id, name, code, baseType) in new[] { (11L, "Subcontract", "S", "commitment"), (12L, "Labor", "L", "other"), (13L, "Materials", "M", "materials") })
        {
            Put($"line_item_types:{project}", new JsonObject { ["id"] = id, ["name"] = name, ["code"] = code, ["base_type"] = baseType }, at);
        }
    }

    /// <summary>The $5,000.00 CCO's package: $3,500.00 on 03-300 and $1,500.00 on 01-000.</summary>
    private long SeedPackage(long project, long contract, List<JsonObject> codes, DateTimeOffset? at)
    {
        var id = NextId();
        Put($"change_order_packages:{project}", new JsonObject
        {
            ["id"] = id, ["contract_id"] = contract, ["number"] = "001", ["title"] = "Added footing", ["status"] = "approved", ["grand_total"] = "5000.00",
            ["line_items"] = new JsonArray(PackageLine(NextId(), codes[1], "Footing concrete", 3500.0, 11), PackageLine(NextId(), codes[0], "Survey and layout", 1500.0, 12)),
        }, at);
        return id;
    }

    /// <summary>A package line: a cost code, a description, a total and a line item type (11 Subcontract, 12 Labor).</summary>
    public static JsonObject PackageLine(long id, JsonObject code, string description, double amount, long type) => new()
    {
        ["id"] = id, ["position"] = 1, ["description"] = description, ["quantity"] = 1.0, ["uom"] = "LS",
        ["unit_cost"] = amount, ["total_amount"] = amount, ["extended_amount"] = amount,
        ["cost_code"] = new JsonObject { ["id"] = code["id"]!.DeepClone(), ["name"] = code["name"]!.DeepClone(), ["full_code"] = code["full_code"]!.DeepClone() },
        ["line_item_type"] = new JsonObject { ["id"] = type, ["code"] = type == 11 ? "S" : "L", ["name"] = type == 11 ? "Subcontract" : "Labor" },
    };

    /// <summary>G703 lines summing to the G702's line 4 ($44,550.00), $2,000.00 of it materials presently stored.</summary>
    private static JsonArray G703(List<JsonObject> codes) =>
    [
        G703Line(1, codes[0], "25000.00", "5000.00", "0.00"),
        G703Line(2, codes[1], "225000.00", "37550.00", "2000.00"),
    ];

    private static JsonObject G703Line(int item, JsonObject code, string scheduled, string thisPeriod, string stored) => new()
    {
        ["id"] = 8_000_000 + item + (long)code["id"]!, ["item_number"] = item, ["description_of_work"] = code["name"]!.DeepClone(),
        ["scheduled_value"] = scheduled, ["work_completed_from_previous_application"] = "0.00", ["work_completed_this_period"] = thisPeriod,
        ["materials_presently_stored"] = stored, ["origin_type"] = "LineItem",
        ["cost_code"] = new JsonObject { ["id"] = code["id"]!.DeepClone(), ["full_code"] = code["full_code"]!.DeepClone() },
    };

    /// <summary>An approved $1,250.00 equipment rental invoice: $1,000.00 on 01-000 and $250.00 on 03-300.</summary>
    private void SeedDirectCost(long project, List<JsonObject> codes, DateTimeOffset? at)
    {
        var id = NextId();
        Put($"direct_costs:{project}", new JsonObject
        {
            ["id"] = id, ["direct_cost_type"] = "invoice", ["status"] = "approved", ["direct_cost_date"] = "2026-04-12", ["received_date"] = "2026-04-14",
            ["invoice_number"] = "AR-5521", ["vendor"] = "Anytown Rental", ["vendor_name"] = "Anytown Rental", ["description"] = "Excavator, 3 days",
            ["amount"] = "1250.00", ["grand_total"] = "1250.00",
        }, at);
        foreach (var (code, amount) in new[] { (codes[0], "1000.00"), (codes[1], "250.00") })
        {
            Put($"direct_cost_lines:{project}", new JsonObject
            {
                ["id"] = NextId(), ["amount"] = amount, ["description"] = "Excavator rental", ["holder"] = new JsonObject { ["id"] = id, ["holder_type"] = "DirectCost" },
                ["cost_code"] = new JsonObject { ["id"] = code["id"]!.DeepClone(), ["full_code"] = code["full_code"]!.DeepClone() },
                ["line_item_type"] = new JsonObject { ["id"] = 13, ["code"] = "M", ["name"] = "Materials" },
            }, at);
        }
    }

    /// <summary>A vendor's insurance policy (the SDK's Insurance model; limit a decimal string).</summary>
    private void SeedInsurance(long vendor, string type, string policy, string expires, string status, DateTimeOffset? at) =>
        Put($"insurances:{vendor}", new JsonObject
        {
            ["id"] = NextId(), ["vendor_id"] = vendor, ["insurance_type"] = type, ["policy_number"] = policy, ["insurance_provider"] = "Anytown Mutual",
            ["limit"] = "1000000.00", ["effective_date"] = "2025-11-01", ["expiration_date"] = expires, ["status"] = status, ["exempt"] = false,
            ["info_received"] = true, ["enable_expired_insurance_notifications"] = true,
        }, at);

    /// <summary>
    /// The project's schedule (GET /rest/v1.0/tasks, the SDK's Task model: timestamps ISO 8601 UTC, percentage an int):
    /// a summary task over two leaves, one named after 03-300, one whose WBS is 09-250, and a milestone with no code.
    /// </summary>
    private void SeedSchedule(long project, DateTimeOffset? at)
    {
        var summary = NextId();
        Put($"tasks:{project}", ScheduleTask(summary, "Structure", "1", "2026-04-01", "2026-05-29", 30, null, hasChildren: true), at);
        Put($"tasks:{project}", ScheduleTask(NextId(), "03-300 Pour footings", "1.1", "2026-04-01", "2026-04-30", 60, summary), at);
        Put($"tasks:{project}", ScheduleTask(NextId(), "Hang board", "09-250", "2026-05-01", "2026-05-29", 0, summary), at);
        Put($"tasks:{project}", ScheduleTask(NextId(), "Topping out", "2", "2026-05-29", "2026-05-29", 0, null), at);
    }

    /// <summary>A task as the Task model serves it; baseline_start / baseline_finish are null until a baseline is set (issue 14).</summary>
    public static JsonObject ScheduleTask(long id, string name, string wbs, string start, string finish, int percent, long? parent, bool hasChildren = false) => new()
    {
        ["id"] = id, ["name"] = name, ["task_name"] = name, ["wbs"] = wbs, ["start_datetime"] = start + "T14:00:00Z", ["finish_datetime"] = finish + "T23:00:00Z",
        ["baseline_start"] = null, ["baseline_finish"] = null, ["actual_start"] = null, ["actual_finish"] = null,
        ["percentage"] = percent, ["parent_id"] = parent, ["has_children"] = hasChildren, ["milestone"] = start == finish, ["critical_path"] = false,
        ["resource_name"] = hasChildren ? null : "Field crew", ["row_number"] = (int)(id % 1000),
    };
}
