using System.Globalization;
using BackOffice.Domain.Ledger;
using BackOffice.Store.Financial;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;
using CsCheck;

namespace BackOffice.Tests.Sweeps;

/// <summary>What a step of the property test does to the books, the tenant's files or the clock (issue 18).</summary>
public enum StepKind
{
    ScaleAmount,
    DeleteRow,
    CopyRow,
    ShiftDueDate,
    DropInboxFile,
    AddNote,
    SandboxBill,
    MoveClock,
    Retext,
}

/// <summary>One generated change: its kind, which file and row it picks (modulo what exists) and a size (days, percent).</summary>
public sealed record IncrementalSweepStep(StepKind Kind, int File, int Row, int Size)
{
    /// <summary>The bundle files a step edits, with the column it scales: bill, invoice and payment lines, time entries,
    /// budget and commitment rows, sub-invoice lines; issue 16: a G703 line's work completed to date (this period's work)
    /// and a G702's current payment due. Line rows may be deleted or copied without breaking a reference.</summary>
    public static readonly (string Path, string Column)[] Files =
    [
        ("ledger/bill-lines.csv", "amount"), ("ledger/invoice-lines.csv", "amount"), ("ledger/payment-lines.csv", "amount"),
        ("workforce/timecards.csv", "rate"), ("project/budget-lines.csv", "pm_estimate_at_completion"),
        ("project/commitment-lines.csv", "amount"), ("project/sub-invoice-lines.csv", "amount"),
        (PayAppLines, "completed_to_date"), (PayApps, "amount_due"),
    ];

    /// <summary>Issue 16: the files whose rows reach Financial's pay-app tie-out.</summary>
    public const string PayAppLines = "project/pay-app-lines.csv", PayApps = "project/pay-apps.csv";

    /// <summary>Whether the step edits a pay application or its G703 lines (issue 16).</summary>
    public bool EditsPayApps => Kind is StepKind.ScaleAmount or StepKind.DeleteRow or StepKind.CopyRow && Files[File].Path is PayAppLines or PayApps;

    public static readonly Gen<IncrementalSweepStep> Generator =
        Gen.Select(Gen.Enum<StepKind>(), Gen.Int[0, Files.Length - 1], Gen.Int[1, 1000], Gen.Int[1, 40],
            (kind, file, row, size) => new IncrementalSweepStep(kind, file, row, size));

    /// <summary>Applies the step; true when the bundle changed and must be re-imported.</summary>
    public async Task<bool> ApplyAsync(string bundle, TenantData tenant, int number, CancellationToken cancellationToken)
    {
        switch (Kind)
        {
            case StepKind.DropInboxFile:
                var inbox = tenant.FilesFolder("inbox");
                Directory.CreateDirectory(inbox);
                await System.IO.File.WriteAllTextAsync(Path.Combine(inbox, $"dropped-{number}.txt"),
                    $"INVOICE {number}\nRivera Plumbing\nInvoice number: RP-9{number}\nTotal due: {Size * 10}.00\n", cancellationToken);
                return false;
            case StepKind.AddNote:
                await tenant.FinancialNotes.AddOnceAsync(
                    new FinancialNote($"note-{number}", "C-1", "ledger", "a note", number, "2026-11-20T00:00:00Z"), cancellationToken);
                return false;
            case StepKind.SandboxBill:
                // Journaled by the sandbox ledger and audited by nobody (the gate is not in the way here): only the
                // change journal can tell the sweep about it.
                await new SandboxLedger(tenant.Clock).CreateBillAsync(tenant, new BillDraft("lv-57", new DateOnly(2026, 11, 10), null, $"P-{number}", null,
                    [new BillLineDraft("acct-5200", "cust-21", null, "Fittings", Size * 10m)]), $"prop-{number}", cancellationToken);
                return false;
            case StepKind.MoveClock:
                return false;
            case StepKind.ShiftDueDate:
                return Edit(Path.Combine(bundle, "ledger", "invoices.csv"), fields => ShiftDate(fields, "due_date"));
            default:
                return Edit(Path.Combine(bundle, Files[File].Path), fields => Kind switch
                {
                    StepKind.ScaleAmount => Scale(fields, Files[File].Column),
                    StepKind.DeleteRow => null,
                    StepKind.Retext => Retext(fields, number),
                    _ => fields,
                }, copy: Kind == StepKind.CopyRow ? number : null);
        }
    }

    /// <summary>Edits one unquoted row of a CSV (null deletes it); with <paramref name="copy"/>, appends it under a new id instead.</summary>
    private bool Edit(string file, Func<Dictionary<string, string>, Dictionary<string, string>?> change, int? copy = null)
    {
        var lines = System.IO.File.ReadAllLines(file).ToList();
        var header = lines[0].Split(',');
        var rows = Enumerable.Range(1, lines.Count - 1).Where(i => lines[i].Length > 0 && !lines[i].Contains('"', StringComparison.Ordinal)).ToList();
        if (rows.Count == 0)
        {
            return false;
        }

        var at = rows[Row % rows.Count];
        var fields = header.Zip(lines[at].Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        var changed = change(fields);
        if (copy is { } n && changed is not null)
        {
            changed["id"] = $"{changed["id"]}-c{n}";
            lines.Add(string.Join(',', header.Select(h => changed[h])));
        }
        else if (changed is null)
        {
            lines.RemoveAt(at);
        }
        else
        {
            lines[at] = string.Join(',', header.Select(h => changed[h]));
        }

        System.IO.File.WriteAllLines(file, lines);
        return true;
    }

    private Dictionary<string, string> Scale(Dictionary<string, string> fields, string column)
    {
        if (decimal.TryParse(fields[column], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            // Cents, rounded half away from zero like every amount (DESIGN.md rule 8): a bundle carries two decimals.
            fields[column] = Math.Round(value * (100 + Size) / 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
        }

        return fields;
    }

    /// <summary>A new description (issue 18: a column Financial does not read; a file without one is re-imported unchanged).</summary>
    private static Dictionary<string, string> Retext(Dictionary<string, string> fields, int number)
    {
        if (fields.ContainsKey("description"))
        {
            fields["description"] = $"retext {number}";
        }

        return fields;
    }

    private Dictionary<string, string> ShiftDate(Dictionary<string, string> fields, string column)
    {
        if (DateOnly.TryParseExact(fields[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fields[column] = date.AddDays(Size - 20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return fields;
    }
}
