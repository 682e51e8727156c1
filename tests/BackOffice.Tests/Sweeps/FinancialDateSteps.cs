using System.Globalization;
using CsCheck;

namespace BackOffice.Tests.Sweeps;

/// <summary>What a step of the Financial as-of property test does to the bundle (issue 18).</summary>
public enum DateStepKind
{
    /// <summary>Nothing in the books: only the date moves.</summary>
    Move,
    ScaleBillLine,
    AddBillLine,
    RedateBill,
    RedateInvoice,
    ApproveChangeOrder,
    RedatePayApp,
}

/// <summary>
/// One generated step: a change to the bundle (a row picked modulo the rows there are) dated <see cref="Offset"/> days from
/// the sweep's new date, then the as-of date moved by <see cref="Days"/> (forward, back or not at all). Rows dated after
/// the date are swept in by a later move without any write, which is what Financial's date path must find by date.
/// </summary>
public sealed record FinancialDateStep(DateStepKind Kind, int Row, int Offset, int Days)
{
    /// <summary>Mostly forward moves of 1 to 40 days; some back 1 to 15 or none; changes with a move of 0 to 20 days.</summary>
    public static readonly Gen<FinancialDateStep> Generator = Gen.Frequency(
        (4, Gen.Int[1, 40].Select(days => new FinancialDateStep(DateStepKind.Move, 0, 0, days))),
        (1, Gen.Int[-15, 0].Select(days => new FinancialDateStep(DateStepKind.Move, 0, 0, days))),
        (5, Gen.Select(Gen.Enum<DateStepKind>(), Gen.Int[0, 1000], Gen.Int[-10, 30], Gen.Int[0, 20],
            (kind, row, offset, days) => new FinancialDateStep(kind, row, offset, days))));

    /// <summary>Applies the change for a sweep as of <paramref name="asOf"/> (before its move); true when the bundle changed.</summary>
    public bool Apply(string bundle, DateOnly asOf, int number)
    {
        var day = Text(asOf.AddDays(Offset));
        var due = Text(asOf.AddDays(Offset + 30));
        return Kind switch
        {
            DateStepKind.ScaleBillLine => Edit(bundle, "ledger/bill-lines.csv", f => Scale(f, "amount", 10 + (Offset & 31))),
            DateStepKind.AddBillLine => Edit(bundle, "ledger/bill-lines.csv", f => Scale(f, "amount", Offset & 31), copy: f =>
            {
                f["id"] = $"{f["id"]}-d{number}";
                f["line_no"] = (500 + number).ToString(CultureInfo.InvariantCulture);
            }),
            DateStepKind.RedateBill => Edit(bundle, "ledger/bills.csv", f => Set(f, ("txn_date", day), ("due_date", due))),
            DateStepKind.RedateInvoice => Edit(bundle, "ledger/invoices.csv", f => Set(f, ("txn_date", day), ("due_date", due))),
            DateStepKind.ApproveChangeOrder => Edit(bundle, "project/change-orders.csv", f => Set(f, ("status", "approved"), ("approved_date", day))),
            DateStepKind.RedatePayApp => Edit(bundle, "project/pay-apps.csv", f => Set(f, ("period_end", day))),
            _ => false,
        };
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Edits one row of a CSV in place (quoted fields kept as written); with <paramref name="copy"/>, appends the edited row as a new one.</summary>
    private bool Edit(string bundle, string file, Func<Dictionary<string, string>, Dictionary<string, string>> change, Action<Dictionary<string, string>>? copy = null)
    {
        var path = Path.Combine(bundle, file);
        var lines = File.ReadAllLines(path).ToList();
        var header = Fields(lines[0]);
        var rows = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Length > 0 && Fields(lines[i]).Count == header.Count).ToList();
        if (rows.Count == 0)
        {
            return false;
        }

        var at = rows[Row % rows.Count];
        var fields = change(header.Zip(Fields(lines[at])).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        copy?.Invoke(fields);
        var line = string.Join(',', header.Select(h => fields[h]));
        if (copy is null)
        {
            lines[at] = line;
        }
        else
        {
            lines.Add(line);
        }

        File.WriteAllLines(path, lines);
        return true;
    }

    /// <summary>A CSV line's fields as written (a quoted field keeps its quotes), so a row is rewritten byte for byte but for what changed.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || (line[i] == ',' && !quoted))
            {
                fields.Add(line[start..i]);
                start = i + 1;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
        }

        return fields;
    }

    private static Dictionary<string, string> Set(Dictionary<string, string> fields, params (string Column, string Value)[] values)
    {
        foreach (var (column, value) in values)
        {
            fields[column] = value;
        }

        return fields;
    }

    /// <summary>An unquoted amount scaled by (100 + percent)%, to the cent, half away from zero like every amount (DESIGN.md rule 8).</summary>
    private static Dictionary<string, string> Scale(Dictionary<string, string> fields, string column, int percent)
    {
        if (decimal.TryParse(fields[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            fields[column] = Math.Round(value * (100 + percent) / 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
        }

        return fields;
    }
}
