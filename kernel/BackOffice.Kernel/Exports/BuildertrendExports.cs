namespace BackOffice.Kernel.Exports;

/// <summary>
/// Buildertrend exports (issue 14). Buildertrend publishes no column list; the layouts follow real exports as parsers
/// of them read them (notes/procore.md section 6: [BT-WCI], [BT-NCC], [BT-BZ]): a title row, a blank row, the header,
/// data, and a totals row whose Job cell is blank. Job Costing Budget and Change Order headers were not found: those
/// two are built to the closest documented names ([BT-JCB], [BT-LEG]) and say so.
/// </summary>
public static class BuildertrendExports
{
    private const string Source = "buildertrend";

    public static IReadOnlyList<ExportLayout> Layouts { get; } =
    [
        new(Source, "job-costing-budget",
            [F("job", "Job"), R("cost-code", "Cost Code", "Cost Codes", "Cost Code Name"),
                R("original", "Original Budget Costs", "Original Budget", "Original Costs", "Estimates"),
                F("revised", "Revised Costs", "Revised Budget"), F("projected", "Projected Costs")],
            "cost-code", ["Job Costing Budget", "Budget"],
            "NOT FOUND: assumed from the help center's column names ([BT-JCB], legacy [BT-LEG])", BudgetLine),
        new(Source, "purchase-orders",
            [R("job", "Job"), R("number", "PO #", "PO#", "PO Number"), F("title", "Title", "PO Title"), R("status", "PO Status", "Status"),
                R("vendor", "Performed By", "Assigned To"), R("amount", "Cost", "Total Cost", "PO Cost"), F("cost-code", "Cost Code", "Cost Codes"),
                F("date", "Created Date", "Date Created")],
            "number", ["Purchase Orders"], "real exports as read by [BT-WCI]; Job column assumed first as in Bills", PurchaseOrder),
        new(Source, "bills",
            [R("job", "Job"), R("number", "Bill #", "Bill#"), F("title", "Bill Title"), R("vendor", "Pay To"), R("amount", "Bill Amount"),
                R("invoice-date", "Invoice Date"), F("due-date", "Due Date"), R("status", "Bill Status"),
                F("related-po", "Related POs", "Related PO"), F("cost-code", "Cost Codes", "Cost Code")],
            "number", ["Bills"], "real exports as read by [BT-NCC] and [BT-WCI]", Bill),
        new(Source, "change-orders",
            [R("job", "Job"), R("number", "ID #", "ID#", "CO #", "Change Order #"), F("title", "Title", "Change Order Title"),
                R("status", "Approval Status", "Status"), R("amount", "Owner Price", "Client Price", "Price"),
                F("approved-date", "Approved Date", "Date Approved"), F("cost-code", "Cost Code", "Cost Codes")],
            "number", ["Change Orders"], "NOT FOUND: header names assumed (owner change orders: ID #, Title, Status, Owner Price)", ChangeOrder),
        new(Source, "time-clock",
            [R("date", "Date"), R("job", "Job"), R("name", "Name"), F("regular", "Regular Time"), F("overtime", "OT"),
                R("total", "Total Work Time"), F("notes", "Notes")],
            "name", ["Time Clock", "Shifts"], "the shift report as read by [BT-BZ]; no clock-in time or cost code in it", Shift),
    ];

    private static ExportField R(string name, params string[] headers) => new(name, headers, true);

    private static ExportField F(string name, params string[] headers) => new(name, headers);

    /// <summary>Revised less original is the approved change; projected cost is the PM's estimate at completion.</summary>
    private static void BudgetLine(ExportRow row, ExportBatch batch)
    {
        var job = ExportRecords.Job(row, batch);
        var code = ExportRecords.CostCode(row, batch, "cost-code");
        var original = row.Money("original", required: true) ?? 0m;
        var revised = row.Money("revised") ?? original;
        var projected = row.Money("projected");
        var values = new Dictionary<string, string>
        {
            ["id"] = ExportBatch.Id(Source, "budget", job ?? "", code ?? ""), ["job_id"] = job ?? "", ["cost_code"] = code ?? "",
            ["original"] = ExportRow.MoneyText(original), ["approved_changes"] = ExportRow.MoneyText(revised - original),
        };
        if (projected is not null)
        {
            values["pm_estimate_at_completion"] = ExportRow.MoneyText(projected.Value);
        }

        batch.Add("project/budget-lines.csv", values);
    }

    /// <summary>A purchase order becomes a commitment with one line; Buildertrend shows no retainage on a PO, so it is 0.</summary>
    private static void PurchaseOrder(ExportRow row, ExportBatch batch)
    {
        var job = ExportRecords.Job(row, batch);
        var vendor = ExportRecords.ProjectVendor(row, batch, "vendor");
        var code = ExportRecords.CostCode(row, batch, "cost-code");
        var amount = row.Money("amount", required: true);
        var status = ExportStatuses.BuildertrendPurchaseOrder(row);
        var number = row.RequiredText("number");
        var id = ExportBatch.Id(Source, "po", job ?? "", number);
        var date = row.Date("date");
        batch.Add("project/commitments.csv", new()
        {
            ["id"] = id, ["job_id"] = job ?? "", ["vendor_id"] = vendor ?? "", ["number"] = number, ["title"] = row.Text("title"),
            ["kind"] = "purchase_order", ["status"] = status ?? "", ["retainage_percent"] = "0",
            ["contract_date"] = date is null ? "" : ExportRow.DateText(date.Value),
        });
        batch.Add("project/commitment-lines.csv", new()
        {
            ["id"] = id + "-1", ["commitment_id"] = id, ["cost_code"] = code ?? "", ["amount"] = ExportRow.MoneyText(amount ?? 0m),
        });
    }

    /// <summary>
    /// A bill against a purchase order is a subcontractor invoice of that commitment ("12 - Title": PO 12). A bill with
    /// no related PO is a direct cost, which the canonical tables do not hold yet: it is held and said.
    /// </summary>
    private static void Bill(ExportRow row, ExportBatch batch)
    {
        var job = ExportRecords.Job(row, batch);
        var po = row.TextOrNull("related-po")?.Split('-', 2)[0].Trim();
        if (po is null || po.Length == 0)
        {
            row.Fail("related-po", "a bill with no related PO is a direct cost, which this import cannot store yet; expected a PO like '12 - Framing'");
        }

        ExportRecords.ProjectVendor(row, batch, "vendor");
        var code = ExportRecords.CostCode(row, batch, "cost-code");
        var amount = row.Money("amount", required: true) ?? 0m;
        var date = row.Date("invoice-date", required: true);
        var status = ExportStatuses.BuildertrendBill(row);
        var number = row.RequiredText("number");
        var id = ExportBatch.Id(Source, "bill", job ?? "", number);
        batch.Add("project/sub-invoices.csv", new()
        {
            ["id"] = id, ["commitment_id"] = ExportBatch.Id(Source, "po", job ?? "", po ?? ""), ["number"] = number,
            ["invoice_date"] = date is null ? "" : ExportRow.DateText(date.Value), ["amount"] = ExportRow.MoneyText(amount),
            ["retainage"] = "0", ["status"] = status ?? "",
        });
        batch.Add("project/sub-invoice-lines.csv", new()
        {
            ["id"] = id + "-1", ["sub_invoice_id"] = id, ["cost_code"] = code ?? "", ["amount"] = ExportRow.MoneyText(amount),
        });
    }

    /// <summary>Buildertrend change orders are the owner's (prime) change orders, priced at the owner price.</summary>
    private static void ChangeOrder(ExportRow row, ExportBatch batch)
    {
        var job = ExportRecords.Job(row, batch);
        var code = row.Has("cost-code") ? ExportRecords.CostCode(row, batch, "cost-code", required: false) : null;
        var amount = row.Money("amount", required: true) ?? 0m;
        var approved = row.Date("approved-date");
        var status = ExportStatuses.BuildertrendChangeOrder(row);
        var number = row.RequiredText("number");
        batch.Add("project/change-orders.csv", new()
        {
            ["id"] = ExportBatch.Id(Source, "co", job ?? "", number), ["job_id"] = job ?? "", ["kind"] = "prime", ["number"] = number,
            ["title"] = row.Text("title"), ["status"] = status ?? "", ["amount"] = ExportRow.MoneyText(amount), ["cost_code"] = code ?? "",
            ["approved_date"] = approved is null ? "" : ExportRow.DateText(approved.Value),
        });
    }

    private static void Shift(ExportRow row, ExportBatch batch) => ExportShifts.Convert(row, batch);
}
