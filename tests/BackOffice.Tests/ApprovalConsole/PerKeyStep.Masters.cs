using System.Globalization;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the writes the per-key refresh learned after the first ones: a master renamed (a ledger or project vendor,
/// a customer, an account), an employee's rate or trade, a sub invoice line, a budget spread, a schedule task. Each edits
/// one row of the bundle (picked by <see cref="Row"/>); the caller imports it again, as a sync would.
/// </summary>
public sealed partial record PerKeyStep
{
    /// <summary>Applies a kind of write <see cref="ApplyAsync"/> does not know; true when the bundle changed.</summary>
    private bool MoreKinds(string bundle)
    {
        switch (Kind)
        {
            case "vendor rename":
                // The ledger's or the project system's spelling of a vendor (a link, or a name match, holds them together).
                return EditRow(Path.Combine(bundle, Row % 2 == 0 ? "ledger" : "project", "vendors.csv"), f => f["name"] = Renamed(f["name"]));
            case "customer rename":
                return EditRow(Path.Combine(bundle, "ledger", "customers.csv"), f => f["name"] = Renamed(f["name"]));
            case "account rename":
                return EditRow(Path.Combine(bundle, "ledger", "accounts.csv"), f => f["name"] = Renamed(f["name"]));
            case "employee change":
                // A raise (burdened rates, the regular rate of each week) or a move to another trade (labor burden, staffing).
                return EditRow(Path.Combine(bundle, "workforce", "employees.csv"), f =>
                {
                    if (Row % 2 == 0)
                    {
                        f["base_rate"] = Percent(f["base_rate"], 100 + Size);
                    }
                    else
                    {
                        f["trade"] = f["trade"] == "Carpentry" ? "Drywall" : "Carpentry";
                    }
                });
            case "sub invoice line":
                // A re-described line, or its amount scaled with its invoice's amount (the import refuses lines that do not tie out).
                var (invoice, delta) = ("", 0m);
                var edited = EditRow(Path.Combine(bundle, "project", "sub-invoice-lines.csv"), f =>
                {
                    if (Row % 2 == 0)
                    {
                        f["description"] = $"Line edited {Size}";
                        return;
                    }

                    var scaled = Percent(f["amount"], 100 + Size);
                    (invoice, delta) = (f["sub_invoice_id"], Amount(scaled) - Amount(f["amount"]));
                    f["amount"] = scaled;
                });
                return edited && (delta == 0m || EditRow(Path.Combine(bundle, "project", "sub-invoices.csv"), f =>
                    f["amount"] = (Amount(f["amount"]) + delta).ToString("0.00", CultureInfo.InvariantCulture), f => f["id"] == invoice));
            case "budget spread":
                return BudgetSpread(Path.Combine(bundle, "project", "budget-spreads.csv"));
            case "schedule task":
                // More crew hours (staffing demand, earned value's planned value) or more percent complete (earned value).
                return EditRow(Path.Combine(bundle, "project", "schedule-tasks.csv"), f =>
                {
                    if (Row % 2 == 0)
                    {
                        f["crew_hours"] = (decimal.Parse(f["crew_hours"], CultureInfo.InvariantCulture) + Size).ToString(CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        f["percent_complete"] = (Size % 101).ToString(CultureInfo.InvariantCulture);
                    }
                });
            default:
                throw new InvalidOperationException($"unknown step kind {Kind}");
        }
    }

    /// <summary>A budget spread's amount scaled; the demo has none, so the first write adds two months of job-101's budget.</summary>
    private bool BudgetSpread(string file)
    {
        if (!File.Exists(file))
        {
            var job = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(file)!, "budget-lines.csv")).Skip(1).Select(l => Cells(l)).First();
            File.WriteAllLines(file,
            [
                "id,job_id,cost_code,period_start,period_end,amount",
                $"bs-1,{job[1]},{job[2]},2026-10-01,2026-10-31,{Percent(job[3], 40)}",
                $"bs-2,{job[1]},{job[2]},2026-11-01,2026-11-30,{Percent(job[3], 60)}",
            ]);
            return true;
        }

        return EditRow(file, f => f["amount"] = Percent(f["amount"], 100 + Size));
    }

    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A name with " II" added, or taken off again; a quoted name keeps its quotes.</summary>
    private static string Renamed(string name)
    {
        var quoted = name.StartsWith('"');
        var bare = quoted ? name[1..^1] : name;
        bare = bare.EndsWith(" II", StringComparison.Ordinal) ? bare[..^3] : bare + " II";
        return quoted ? $"\"{bare}\"" : bare;
    }
}
