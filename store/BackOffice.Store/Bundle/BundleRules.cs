using System.Data.Common;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>One row and its file's columns, for the rules.</summary>
internal readonly record struct RowValues(FileSpec Spec, ParsedRow Row)
{
    public object? Value(string sqlName) => Row.Values[Spec.IndexOf(sqlName)];
}

/// <summary>
/// Business rules a single value cannot express. Each reports on the row that breaks it. Issue 18: rows are shown one
/// at a time while their file streams (<see cref="Observe"/>); what a rule needs across rows or files is kept as small
/// facts (the sub-invoice line sums, the trades) and judged in <see cref="CheckAsync"/>, which reports in the order
/// the rules always reported: each row rule's file, the links, the sub-invoice sums, the timecard trades.
/// </summary>
internal sealed class BundleRules
{
    private const string SubInvoices = "project/sub-invoices.csv", SubInvoiceLines = "project/sub-invoice-lines.csv";

    private static readonly (string File, Func<RowValues, (string Column, string Message)?> Rule)[] RowRules =
    [
        ("project/change-orders.csv", t => t.Value("kind") as string == "commitment" && t.Value("commitment_id") is null
            ? ("commitment_id", "a commitment change order needs the commitment_id it changes") : null),
        ("project/schedule-tasks.csv", t => string.CompareOrdinal(t.Value("end_date") as string, t.Value("start_date") as string) < 0
            ? ("end_date", "expected an end_date on or after start_date") : null),
        ("project/budget-spreads.csv", t => string.CompareOrdinal(t.Value("period_end") as string, t.Value("period_start") as string) < 0
            ? ("period_end", "expected a period_end on or after period_start") : null),
        ("workforce/timecards.csv", t => t.Value("clock_out") is string clockOut && string.CompareOrdinal(clockOut, t.Value("clock_in") as string) < 0
            ? ("clock_out", "expected clock_out after clock_in") : null),
        ("project/sub-invoices.csv", t => (long)t.Value("retainage_cents")! > (long)t.Value("amount_cents")!
            ? ("retainage", "expected retainage no larger than the invoice amount") : null),
        ("workforce/employees.csv", SalaryRule),
        // Issue 16: agreed overtime piece rates (29 CFR 778.418) and California rest-period pay (Labor Code 226.2).
        ("workforce/employees.csv", PieceRateRules.Employee),
        ("workforce/payroll-lines.csv", PieceRateRules.PayrollLine),
    ];

    /// <summary>Issue 18: the files whose rows <see cref="Observe"/> reads; an unchanged row of another file may skip it.</summary>
    private static readonly HashSet<string> Watched = new(
        RowRules.Select(r => r.File).Concat(["mappings/links.csv", SubInvoices, SubInvoiceLines]).Concat(TimecardTradeRule.Files), StringComparer.Ordinal);

    public static bool Watches(string path) => Watched.Contains(path);

    private readonly List<BundleError>[] _rowErrors = RowRules.Select(_ => new List<BundleError>()).ToArray();
    private readonly List<BundleError> _linkErrors = [];
    private readonly Dictionary<(string?, string?), int> _links = [];
    private readonly List<(int Line, string Id, long Amount)> _invoices = [];
    private readonly Dictionary<string, long> _lineSums = new(StringComparer.Ordinal);
    private readonly TimecardTradeRule _trades = new();

    /// <summary>Errors the row rules and the links found so far.</summary>
    public int Found => _rowErrors.Sum(e => e.Count) + _linkErrors.Count;

    /// <summary>One valid row of a file, in file order.</summary>
    public void Observe(FileSpec spec, ParsedRow row)
    {
        var t = new RowValues(spec, row);
        for (var i = 0; i < RowRules.Length; i++)
        {
            if (RowRules[i].File == spec.Path && RowRules[i].Rule(t) is { } broken)
            {
                _rowErrors[i].Add(new BundleError(spec.Path, row.Line, broken.Column, broken.Message));
            }
        }

        switch (spec.Path)
        {
            case "mappings/links.csv":
                // map_links is UNIQUE (kind, project_id): one ledger record per project record.
                var pair = (t.Value("kind") as string, t.Value("project_id") as string);
                if (!_links.TryAdd(pair, row.Line))
                {
                    _linkErrors.Add(new BundleError(spec.Path, row.Line, "project_id", $"{pair.Item1} '{pair.Item2}' is already linked on line {_links[pair]}"));
                }

                break;
            case SubInvoices:
                _invoices.Add((row.Line, (string)t.Value("id")!, (long)t.Value("amount_cents")!));
                break;
            case SubInvoiceLines:
                var invoice = (string)t.Value("sub_invoice_id")!;
                _lineSums[invoice] = _lineSums.GetValueOrDefault(invoice) + (long)t.Value("amount_cents")!;
                break;
        }

        _trades.Observe(t);
    }

    public async Task CheckAsync(
        IReadOnlySet<string> present, DbConnection connection, DbTransaction transaction, ErrorSink errors, CancellationToken cancellationToken)
    {
        foreach (var error in _rowErrors.SelectMany(e => e).Concat(_linkErrors))
        {
            errors.Add(error.File, error.Line, error.Column, error.Message);
        }

        await CheckSubInvoiceLinesAsync(present, connection, transaction, errors, cancellationToken);
        await _trades.CheckAsync(present, connection, transaction, errors, cancellationToken);
    }

    /// <summary>
    /// Issue 16: a salaried employee needs the salary, its period, and (fixed hours, 29 CFR 778.113) the hours it pays,
    /// more than 0 and at most 40; an hourly, day-rate or piece-rate employee carries none of them.
    /// </summary>
    private static (string Column, string Message)? SalaryRule(RowValues t)
    {
        var basis = t.Value("pay_basis") as string ?? "hourly";
        var hours = t.Value("salary_hours_e4") as long?;
        var article = basis == "hourly" ? "an" : "a";
        // Issue 16: a day rate belongs to a day-rate employee (29 CFR 778.112), and a day-rate employee needs one.
        var hasDayRate = t.Value("day_rate_cents") is not null;
        if (basis == "day-rate" != hasDayRate)
        {
            return ("day_rate", hasDayRate ? $"{article} {basis} employee has no day_rate; set pay_basis to day-rate" : "a day-rate employee needs the day_rate");
        }

        // Issue 16: an hourly guarantee belongs to a piece-rate employee (29 CFR 778.111(b)).
        if (basis != "piece-rate" && t.Value("piece_guarantee_cents") is not null)
        {
            return ("piece_guarantee", $"{article} {basis} employee has no piece_guarantee; it is a piece-rate employee's minimum hourly guarantee");
        }

        if (basis is "hourly" or "day-rate" or "piece-rate")
        {
            return t.Value("salary_cents") is not null || t.Value("salary_period") is not null
                ? ("salary", $"{article} {basis} employee has no salary; set pay_basis to salary-fixed or salary-fluctuating") : null;
        }

        return t.Value("salary_cents") is null ? ("salary", $"a {basis} employee needs the salary")
            : t.Value("salary_period") is null ? ("salary_period", $"a {basis} employee needs the salary_period (weekly, biweekly, semimonthly or monthly)")
            : basis == "salary-fixed" && hours is not (> 0 and <= 400_000) ? ("salary_hours", "a salary-fixed employee needs salary_hours, the hours a week the salary pays, more than 0 and at most 40")
            : null;
    }

    /// <summary>
    /// The sub-invoice-to-bill convention (docs/DATA-FORMAT.md) builds one bill line per sub-invoice line, so the lines
    /// must add up to the invoice amount. Lines come from this bundle, or from stored rows when the lines file is absent.
    /// </summary>
    private async Task CheckSubInvoiceLinesAsync(
        IReadOnlySet<string> present, DbConnection connection, DbTransaction transaction, ErrorSink errors, CancellationToken cancellationToken)
    {
        if (!present.Contains(SubInvoices))
        {
            return;
        }

        var sums = _lineSums;
        if (!present.Contains(SubInvoiceLines))
        {
            var stored = await connection.QueryAsync<(string, long)>(new CommandDefinition(
                "SELECT sub_invoice_id, CAST(SUM(amount_cents) AS BIGINT) FROM project_sub_invoice_lines GROUP BY sub_invoice_id",
                transaction: transaction, cancellationToken: cancellationToken));
            sums = stored.ToDictionary(s => s.Item1, s => s.Item2, StringComparer.Ordinal);
            // A bundle that carries no sub-invoice lines at all has nothing to check against.
            if (sums.Count == 0)
            {
                return;
            }
        }

        foreach (var (line, id, amount) in _invoices)
        {
            var sum = sums.GetValueOrDefault(id);
            if (sum != amount)
            {
                errors.Add(SubInvoices, line, "amount",
                    $"expected the lines in {SubInvoiceLines} to sum to the invoice amount {Dollars(amount)}, they sum to {Dollars(sum)}");
            }
        }
    }

    private static string Dollars(long cents) => (cents / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
