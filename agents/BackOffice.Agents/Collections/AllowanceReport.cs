using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Collections;

/// <summary>
/// `backoffice report allowance --as-of D` (issue 16): the allowance for doubtful accounts by the percentage-of-receivables
/// method: each due-date aging class's open receivables, its percent and allowance (rounded to the cent per class, half
/// away from zero), the required allowance (their sum), the allowance account's balance and the adjusting entry.
/// </summary>
public sealed class AllowanceReport(CollectionsOptions options) : IReport
{
    public string Name => "allowance";

    public string Description => "Allowance for doubtful accounts by aging class (percent per bucket), the ledger balance and the adjusting entry";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var data = await CollectionsData.LoadAsync(request.Data, null, cancellationToken);
        var worklist = CollectionsWorklist.Compute(data, request.AsOf, options.Buckets);
        var situation = await AllowanceCheck.ComputeAsync(request.Data, worklist, options, request.AsOf, cancellationToken);
        var title = RoundingStatements.Titled($"Allowance for doubtful accounts for {request.Tenant} as of {request.AsOf:yyyy-MM-dd} (aging by due date, retainage apart)", RoundingStatements.Allowance);
        if (situation.Estimate is not { } estimate)
        {
            return new ReportTable(title, ["id", "class", "note"], [new JsonObject { ["id"] = "problem", ["class"] = "", ["note"] = situation.Problem }]);
        }

        // Issue 17: a class reads as the aging report's column title does ("Current", "1-30", "Over 90").
        var rows = estimate.Classes.Select(c => Row("class-" + c.Label, Capitalised(c.Label), c.Balance, c.RatePercent.ToString("0.###", CultureInfo.InvariantCulture), c.Allowance, "")).ToList();
        // Issue 17: the required allowance is the report's total row (id "total"): the sum of the class rows above it. The
        // account balance and the entry follow it as lines below the total, so no reader adds them to the classes.
        // The accounts are written as their ids, which the console, CLI table, API and digest show as number and name
        // ("1190 Allowance for Doubtful Accounts"); --json keeps the id for machines.
        var (allowance, expense) = (options.Allowance.AllowanceAccount, options.Allowance.ExpenseAccount);
        rows.Add(Row("total", "Required allowance", estimate.Receivables, "", estimate.Required, "Sum of the classes, each rounded to the cent"));
        rows.Add(Row("unadjusted", "Allowance account balance", null, "", estimate.UnadjustedCredit, $"{allowance}: credit positive, debit negative"));
        rows.Add(Row("adjustment", "Adjusting entry", null, "", estimate.Adjustment, estimate.Adjustment >= 0m
            ? $"Debit {expense}, credit {allowance}"
            : $"Debit {allowance}, credit {expense}"));
        return new ReportTable(title, ["class", "balance", "percent", "allowance", "note"], rows);
    }

    private static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    private static JsonObject Row(string id, string label, decimal? balance, string percent, decimal allowance, string note) => new()
    {
        ["id"] = id,
        ["class"] = label,
        ["balance"] = balance is { } b ? MoneyText.Plain(b) : null,
        ["percent"] = percent,
        ["allowance"] = MoneyText.Plain(allowance),
        ["note"] = note,
    };
}
