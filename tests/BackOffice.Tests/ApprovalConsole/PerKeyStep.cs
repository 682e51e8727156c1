using System.Globalization;
using BackOffice.Store.Financial;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Sweeps;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: one write of <see cref="PerKeyReportPropertyTests"/>: a step of the sweep's property test
/// (<paramref name="Inner"/>), or, with none, a confirmed link ("link"), a bill header's, an invoice's, a payment's or a
/// journal entry header's date ("bill header", "invoice", "payment", "journal entry") moved in the bundle by
/// <paramref name="Size"/> - 20 days; issue 17: a change order's status or amount, a pay-app line's work to date, a job's
/// status, a time entry's end or job (in the bundle), or a pricebook item's price through the gate ("pricebook item").
/// <paramref name="Kind"/> names the kind of write whose per-key refresh the test checks.
/// </summary>
public sealed partial record PerKeyStep(string Kind, IncrementalSweepStep? Inner, int Row, int Size)
{
    private static readonly string[] Jobs = ["job-101", "job-102", "job-103", "job-094"];
    private static readonly string[] Customers = ["cust-10", "cust-11", "cust-20", "cust-21", "cust-30", "cust-31", "cust-40", "cust-41"];

    public static PerKeyStep Sweep(string kind, IncrementalSweepStep inner) => new(kind, inner, inner.Row, inner.Size);

    /// <summary>Applies the write; true when the bundle changed and must be re-imported.</summary>
    public async Task<bool> ApplyAsync(string bundle, TenantData tenant, int number, CancellationToken cancellationToken)
    {
        if (Inner is { } inner)
        {
            return await inner.ApplyAsync(bundle, tenant, number, cancellationToken);
        }

        switch (Kind)
        {
            case "link":
                // A person confirms a project job's ledger twin (as LinkRecordsExecutor does through the gate).
                await tenant.ConfirmedLinks.PutAsync(new ConfirmedLink(
                    "job", Jobs[Row % Jobs.Length], Customers[Size % Customers.Length], number, "2026-11-20T00:00:00Z"), cancellationToken);
                return false;
            case "bill header":
                return ShiftDate(Path.Combine(bundle, "ledger", "bills.csv"));
            case "invoice":
                return ShiftDate(Path.Combine(bundle, "ledger", "invoices.csv"));
            case "payment":
                return ShiftDate(Path.Combine(bundle, "ledger", "payments.csv"));
            case "journal entry":
                return ShiftDate(Path.Combine(bundle, "ledger", "journal-entries.csv"));
            case "change order":
                // Approved <-> pending (a prime order moves the contract, a commitment order committed cost), or the amount scaled.
                return EditRow(Path.Combine(bundle, "project", "change-orders.csv"), f =>
                {
                    if (Row % 2 == 0)
                    {
                        f["status"] = f["status"] == "approved" ? "pending" : "approved";
                    }
                    else
                    {
                        f["amount"] = Percent(f["amount"], 100 + Size);
                    }
                });
            case "pay-app line":
                return EditRow(Path.Combine(bundle, "project", "pay-app-lines.csv"), f => f["completed_to_date"] = Percent(f["completed_to_date"], 100 - Size));
            case "job status":
                return EditRow(Path.Combine(bundle, "project", "jobs.csv"), f => f["status"] = f["status"] == "closed" ? "active" : "closed");
            case "time entry":
                // A shift cut short by Size x 5 minutes, or moved to another job of the file (its hours leave one job for another).
                var timecards = Path.Combine(bundle, "workforce", "timecards.csv");
                var jobs = File.ReadAllLines(timecards).Skip(1).Select(l => Cells(l)[2]).Where(j => j.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
                return EditRow(timecards, f =>
                {
                    if (Row % 2 == 0 && f["clock_out"].Length > 0)
                    {
                        f["clock_out"] = DateTime.ParseExact(f["clock_out"], "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture).AddMinutes(-5 * Size)
                            .ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        var others = jobs.Where(j => j != f["job_id"]).ToList();
                        f["job_id"] = others.Count == 0 ? f["job_id"] : others[Size % others.Count];
                    }
                });
            case "pricebook item":
                await PricebookThroughGate.UpdateAsync(tenant, Row, Size, number, cancellationToken);
                return false;
            default:
                return MoreKinds(bundle);
        }
    }

    /// <summary>Issue 17: edits one row of a CSV (picked by <see cref="Row"/>) by column name; the columns edited are never quoted.</summary>
    /// <param name="which">Issue 17: the row by its cells instead (the first that matches).</param>
    private bool EditRow(string file, Action<Dictionary<string, string>> change, Func<Dictionary<string, string>, bool>? which = null)
    {
        var lines = File.ReadAllLines(file).ToList();
        var header = lines[0].Split(',');
        Dictionary<string, string> Fields(int i) => header.Zip(Cells(lines[i])).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var rows = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Length > 0 && (which is null || which(Fields(i)))).ToList();
        if (rows.Count == 0)
        {
            return false;
        }

        var at = rows[Row % rows.Count];
        var fields = Fields(at);
        change(fields);
        lines[at] = string.Join(',', header.Select(h => fields[h]));
        File.WriteAllLines(file, lines);
        return true;
    }

    /// <summary>A CSV row's cells as written (a quoted cell keeps its quotes, so the row joins back unchanged); no line breaks in cells.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var (start, quoted) = (0, false);
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == ',' && !quoted))
            {
                cells.Add(line[start..i]);
                start = i + 1;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
        }

        return cells;
    }

    /// <summary>A bundle amount times <paramref name="percent"/> %, to the cent (rounded half away from zero, DESIGN.md rule 8).</summary>
    private static string Percent(string amount, int percent) =>
        Math.Round(decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture) * percent / 100m, 2, MidpointRounding.AwayFromZero)
            .ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Moves the txn_date (in bills.csv, invoices.csv, payments.csv and journal-entries.csv the columns before it are never
    /// quoted) of one row: a bill, invoice, payment or journal entry crosses the as-of date, so a job's cost, billings or
    /// receipts to date move.
    /// </summary>
    private bool ShiftDate(string file)
    {
        var lines = File.ReadAllLines(file).ToList();
        var column = Array.IndexOf(lines[0].Split(','), "txn_date");
        if (column < 0 || lines.Count < 2)
        {
            return false;
        }

        var at = 1 + (Row % (lines.Count - 1));
        var fields = lines[at].Split(',', column + 2);
        var date = DateOnly.ParseExact(fields[column], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(Size - 20);
        fields[column] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        lines[at] = string.Join(',', fields);
        File.WriteAllLines(file, lines);
        return true;
    }
}
