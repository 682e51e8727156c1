using System.Data.Common;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>Business rules a single value cannot express. Each reports on the row that breaks it.</summary>
public static class BundleRules
{
    private const string SubInvoices = "project/sub-invoices.csv", SubInvoiceLines = "project/sub-invoice-lines.csv";

    public static async Task CheckAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, DbConnection connection, DbTransaction transaction, ErrorSink errors,
        CancellationToken cancellationToken)
    {
        Each(tables, "project/change-orders.csv", (t, row) =>
            t.Value(row, "kind") as string == "commitment" && t.Value(row, "commitment_id") is null
                ? ("commitment_id", "a commitment change order needs the commitment_id it changes") : null, errors);
        Each(tables, "project/schedule-tasks.csv", (t, row) =>
            string.CompareOrdinal(t.Value(row, "end_date") as string, t.Value(row, "start_date") as string) < 0
                ? ("end_date", "expected an end_date on or after start_date") : null, errors);
        Each(tables, "project/budget-spreads.csv", (t, row) =>
            string.CompareOrdinal(t.Value(row, "period_end") as string, t.Value(row, "period_start") as string) < 0
                ? ("period_end", "expected a period_end on or after period_start") : null, errors);
        Each(tables, "workforce/timecards.csv", (t, row) =>
            t.Value(row, "clock_out") is string clockOut && string.CompareOrdinal(clockOut, t.Value(row, "clock_in") as string) < 0
                ? ("clock_out", "expected clock_out after clock_in") : null, errors);
        Each(tables, "project/sub-invoices.csv", (t, row) =>
            (long)t.Value(row, "retainage_cents")! > (long)t.Value(row, "amount_cents")!
                ? ("retainage", "expected retainage no larger than the invoice amount") : null, errors);
        Each(tables, "workforce/employees.csv", SalaryRule, errors);
        // Issue 16: agreed overtime piece rates (29 CFR 778.418).
        Each(tables, "workforce/employees.csv", PieceRateRules.Employee, errors);
        Each(tables, "workforce/payroll-lines.csv", PieceRateRules.PayrollLine, errors);
        CheckUniqueLinks(tables, errors);
        await CheckSubInvoiceLinesAsync(tables, connection, transaction, errors, cancellationToken);
        await TimecardTradeRule.CheckAsync(tables, connection, transaction, errors, cancellationToken);
    }

    private static void Each(
        IReadOnlyDictionary<string, ParsedTable> tables, string file, Func<ParsedTable, ParsedRow, (string Column, string Message)?> rule,
        ErrorSink errors)
    {
        if (!tables.TryGetValue(file, out var table))
        {
            return;
        }

        foreach (var row in table.Rows)
        {
            if (rule(table, row) is { } broken)
            {
                errors.Add(file, row.Line, broken.Column, broken.Message);
            }
        }
    }

    /// <summary>
    /// Issue 16: a salaried employee needs the salary, its period, and (fixed hours, 29 CFR 778.113) the hours it pays,
    /// more than 0 and at most 40; an hourly, day-rate or piece-rate employee carries none of them.
    /// </summary>
    private static (string Column, string Message)? SalaryRule(ParsedTable t, ParsedRow row)
    {
        var basis = t.Value(row, "pay_basis") as string ?? "hourly";
        var hours = t.Value(row, "salary_hours_e4") as long?;
        var article = basis == "hourly" ? "an" : "a";
        // Issue 16: a day rate belongs to a day-rate employee (29 CFR 778.112), and a day-rate employee needs one.
        var hasDayRate = t.Value(row, "day_rate_cents") is not null;
        if (basis == "day-rate" != hasDayRate)
        {
            return ("day_rate", hasDayRate ? $"{article} {basis} employee has no day_rate; set pay_basis to day-rate" : "a day-rate employee needs the day_rate");
        }

        // Issue 16: an hourly guarantee belongs to a piece-rate employee (29 CFR 778.111(b)).
        if (basis != "piece-rate" && t.Value(row, "piece_guarantee_cents") is not null)
        {
            return ("piece_guarantee", $"{article} {basis} employee has no piece_guarantee; it is a piece-rate employee's minimum hourly guarantee");
        }

        if (basis is "hourly" or "day-rate" or "piece-rate")
        {
            return t.Value(row, "salary_cents") is not null || t.Value(row, "salary_period") is not null
                ? ("salary", $"{article} {basis} employee has no salary; set pay_basis to salary-fixed or salary-fluctuating") : null;
        }

        return t.Value(row, "salary_cents") is null ? ("salary", $"a {basis} employee needs the salary")
            : t.Value(row, "salary_period") is null ? ("salary_period", $"a {basis} employee needs the salary_period (weekly, biweekly, semimonthly or monthly)")
            : basis == "salary-fixed" && hours is not (> 0 and <= 400_000) ? ("salary_hours", "a salary-fixed employee needs salary_hours, the hours a week the salary pays, more than 0 and at most 40")
            : null;
    }

    /// <summary>map_links is UNIQUE (kind, project_id): one ledger record per project record.</summary>
    private static void CheckUniqueLinks(IReadOnlyDictionary<string, ParsedTable> tables, ErrorSink errors)
    {
        if (!tables.TryGetValue("mappings/links.csv", out var links))
        {
            return;
        }

        var seen = new Dictionary<(string?, string?), int>();
        foreach (var row in links.Rows)
        {
            var pair = (links.Value(row, "kind") as string, links.Value(row, "project_id") as string);
            if (!seen.TryAdd(pair, row.Line))
            {
                errors.Add(links.Spec.Path, row.Line, "project_id", $"{pair.Item1} '{pair.Item2}' is already linked on line {seen[pair]}");
            }
        }
    }

    /// <summary>
    /// The sub-invoice-to-bill convention (docs/DATA-FORMAT.md) builds one bill line per sub-invoice line, so the lines
    /// must add up to the invoice amount. Lines come from this bundle, or from stored rows when the lines file is absent.
    /// </summary>
    private static async Task CheckSubInvoiceLinesAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, DbConnection connection, DbTransaction transaction, ErrorSink errors,
        CancellationToken cancellationToken)
    {
        if (!tables.TryGetValue(SubInvoices, out var invoices))
        {
            return;
        }

        Dictionary<string, long> sums;
        if (tables.TryGetValue(SubInvoiceLines, out var lines))
        {
            sums = lines.Rows.GroupBy(r => (string)lines.Value(r, "sub_invoice_id")!)
                .ToDictionary(g => g.Key, g => g.Sum(r => (long)lines.Value(r, "amount_cents")!), StringComparer.Ordinal);
        }
        else
        {
            var stored = await connection.QueryAsync<(string, long)>(new CommandDefinition(
                "SELECT sub_invoice_id, CAST(SUM(amount_cents) AS BIGINT) FROM project_sub_invoice_lines GROUP BY sub_invoice_id",
                transaction: transaction, cancellationToken: cancellationToken));
            sums = stored.ToDictionary(s => s.Item1, s => s.Item2, StringComparer.Ordinal);
        }

        // A bundle that carries no sub-invoice lines at all has nothing to check against.
        if (sums.Count == 0 && lines is null)
        {
            return;
        }

        foreach (var row in invoices.Rows)
        {
            var amount = (long)invoices.Value(row, "amount_cents")!;
            var sum = sums.GetValueOrDefault((string)invoices.Value(row, "id")!);
            if (sum != amount)
            {
                errors.Add(SubInvoices, row.Line, "amount",
                    $"expected the lines in {SubInvoiceLines} to sum to the invoice amount {Dollars(amount)}, they sum to {Dollars(sum)}");
            }
        }
    }

    private static string Dollars(long cents) => (cents / 100m).ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
