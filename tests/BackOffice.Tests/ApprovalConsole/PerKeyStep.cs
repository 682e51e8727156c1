using System.Globalization;
using BackOffice.Store.Financial;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Sweeps;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: one write of <see cref="PerKeyReportPropertyTests"/>: a step of the sweep's property test
/// (<paramref name="Inner"/>), or, with none, a confirmed link ("link"), a bill header's, an invoice's, a payment's or a
/// journal entry header's date ("bill header", "invoice", "payment", "journal entry") moved in the bundle by
/// <paramref name="Size"/> - 20 days. <paramref name="Kind"/> names the
/// kind of write whose per-key refresh the test checks.
/// </summary>
public sealed record PerKeyStep(string Kind, IncrementalSweepStep? Inner, int Row, int Size)
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
            default:
                throw new InvalidOperationException($"unknown step kind {Kind}");
        }
    }

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
