using System.Text.Json.Nodes;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Agents.Documents.Actions;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Agents.Pricebook.Actions;
using BackOffice.Agents.Workforce.Actions;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Tests.Actions;

/// <summary>
/// Issue 12: each payload record goes to JSON and back unchanged, under the field names proposals were stored with
/// before the records existed. The kinds and names below are written out on purpose: they are the stored contract.
/// </summary>
public sealed class ActionPayloadTests
{
    public sealed record Case(string Kind, JsonObject Json, JsonObject Again);

    private static Case RoundTrip<TPayload>(TPayload payload)
        where TPayload : IActionPayload
    {
        var json = ActionPayloadJson.ToJson(payload);
        return new Case(TPayload.Kind, json, ActionPayloadJson.ToJson(ActionPayloadJson.Read<TPayload>(JsonNode.Parse(json.ToJsonString())!.AsObject())));
    }

    public static TheoryData<string, Case, string[]> Payloads => new()
    {
        {
            "ledger.create-bill",
            RoundTrip(new CreateBillPayload("v-1", "Rivera Plumbing", "2026-11-02", "2026-12-02", "RP-2315", "memo",
                [new CreateBillLine("a-5000", "c-1", "22-000", "Rough-in", "1234.50"), new CreateBillLine("a-2100", null, null, "Retainage held", "-123.45")])),
            ["vendor_id", "vendor_name", "txn_date", "due_date", "doc_number", "memo", "lines", "lines[].account_id", "lines[].customer_id",
             "lines[].cost_code", "lines[].description", "lines[].amount"]
        },
        {
            "ledger.create-journal-entry",
            RoundTrip(new ReclassPayload("2026-11-20", "reclass memo", "line-1",
                [new ReclassLine("a-5100", "Debit", "10.00", "c-1", "m"), new ReclassLine("a-5000", "Credit", "10.00", null, "m")])),
            ["txn_date", "memo", "source_line", "lines", "lines[].account_id", "lines[].posting_type", "lines[].amount", "lines[].customer_id", "lines[].description"]
        },
        { "map.link", RoundTrip(new LinkRecordsPayload("vendor", "pv-1", "lv-1", ["lv-1", "lv-2"])), ["kind", "project_id", "ledger_id", "candidates"] },
        {
            "financial.note-change-order", RoundTrip(new ChangeOrderNotePayload("cm-1", "ledger", "Add the change order")),
            ["commitment_id", "lacking_side", "text"]
        },
        {
            "documents.file", RoundTrip(new FileDocumentPayload("inbox/a.pdf", "jobs/2026-103/ap-invoices", "a.pdf", "ab12", "Invoice")),
            ["source", "folder", "file_name", "sha256", "kind"]
        },
        {
            "collections.send-message",
            RoundTrip(new SendMessagePayload("email", "ap@example.com", null, "Body 40095.00", "inv-1", "reminder", ["40095.00"], ["1047"])),
            ["channel", "to", "subject", "body", "invoice_id", "level", "figures", "identifiers"]
        },
        {
            "collections.record-promise", RoundTrip(new RecordPromisePayload("inv-1", "20095.00", "2026-11-27", "2026-11-20", "")),
            ["invoice_id", "amount", "promised_date", "recorded_on", "note"]
        },
        {
            "payroll.adjustment",
            RoundTrip(new PayrollAdjustmentPayload("e-1", "Marcus", "run-1", "pl-1", "2026-11-09", "243.00", "1000.00", "1243.00", "memo")),
            ["employee_id", "employee_name", "run_id", "payroll_line_id", "week_start", "amount", "paid_gross", "required_gross", "memo"]
        },
        {
            "workforce.staffing-alert",
            RoundTrip(new StaffingAlertPayload("Electrical", [new StaffingAlertWeek("2026-11-16", "90", "80", "10", "2.5", 1)], "message")),
            ["trade", "weeks", "weeks[].week_start", "weeks[].demand_hours", "weeks[].capacity_hours", "weeks[].implied_overtime_hours",
             "weeks[].avoidable_overtime_hours", "weeks[].crew_to_add", "message"]
        },
        {
            "pricebook.update-prices",
            RoundTrip(new PricebookUpdatePayload("Ferguson", 7, "prices.csv", [new PricebookItemChange("pb-1", "Pipe", "4.3900", null, "4.5100", "6.59")])),
            ["vendor", "file_id", "file_name", "items", "items[].item_id", "items[].description", "items[].from_unit_cost", "items[].from_sell_price",
             "items[].unit_cost", "items[].sell_price"]
        },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_RoundTripsUnderTodaysFieldNames(string kind, Case payload, string[] fields)
    {
        Assert.Equal(kind, payload.Kind);
        Assert.Equal(fields, Names(payload.Json));
        Assert.Equal(payload.Json.ToJsonString(), payload.Again.ToJsonString());
    }

    [Fact]
    public void CreateBill_IsTheJsonAgentsBuiltByHand()
    {
        var json = ActionPayloadJson.ToJson(new CreateBillPayload("v-1", "Rivera", "2026-11-02", null, null, "m", [new CreateBillLine("a-1", null, "22", "d", "1.50")]));

        Assert.Equal(
            """{"vendor_id":"v-1","vendor_name":"Rivera","txn_date":"2026-11-02","due_date":null,"doc_number":null,"memo":"m","lines":[{"account_id":"a-1","customer_id":null,"cost_code":"22","description":"d","amount":"1.50"}]}""",
            json.ToJsonString());
    }

    [Fact]
    public void Read_FieldOfTheWrongType_IsRefusedNamingTheField()
    {
        var payload = new JsonObject { ["invoice_id"] = "inv-1", ["amount"] = 12.5, ["promised_date"] = "2026-11-27", ["recorded_on"] = "2026-11-20" };

        var error = Assert.Throws<ProposalPayloadException>(() => ActionPayloadJson.Read<RecordPromisePayload>(payload));

        Assert.StartsWith("amount:", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Top-level names in order, then the names inside the first element of each array of objects as "array[].name".</summary>
    private static List<string> Names(JsonObject json)
    {
        var names = new List<string>();
        foreach (var (name, value) in json)
        {
            names.Add(name);
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
            {
                names.AddRange(first.Select(p => $"{name}[].{p.Key}"));
            }
        }

        return names;
    }
}
