using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Labor;

namespace BackOffice.Agents.Workforce.Reports;

/// <summary>
/// `backoffice report labor-burden` (issue 16): per active employee at the base rate for a year of the configured
/// hours, each burden component's annual cost, the burden percent and the burdened hourly rates (LaborBurdenTools).
/// With no components configured it fails closed with a row saying so instead of a burden of zero.
/// </summary>
public sealed class LaborBurdenReport(LaborBurdenOptions options) : IReport
{
    public string Name => "labor-burden";

    public string Description => "Labor burden per employee: each component (FICA with wage base, Medicare, FUTA, SUTA, workers' comp, GL, benefits), burden %, burdened rate per paid hour and per hour worked";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var title = $"Labor burden for {request.Tenant}: {options.PaidHours} paid hours, {options.HoursWorked ?? options.PaidHours} worked";
        string[] columns = ["employee", "trade", "profile", "baseRate", "wages", "burden", "burdenPercent", "perPaidHour", "perHourWorked", "components"];
        if (options.Components.Count == 0)
        {
            return new ReportTable(title, columns, [new JsonObject { ["id"] = "not-configured", ["employee"] = $"no burden components in {LaborBurdenOptions.SectionName}:Components" }]);
        }

        BurdenComponent[] components = [.. options.Components.Select(c => new BurdenComponent(c.Name, c.Basis, c.Rate, c.WageBase))];
        var employees = await request.Data.Workforce.EmployeesAsync(cancellationToken);
        var profiles = await request.Data.Workforce.BurdenProfilesAsync(cancellationToken);
        var rows = new List<JsonObject>();
        // Issue 16: grouped by trade, each employee at the trade's profile (or the company default), then the trade's total.
        foreach (var trade in employees.Where(e => e.Active).GroupBy(e => e.Trade.Trim(), StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var burden = BurdenProfileTools.ComponentsFor(trade.Key, components, profiles);
            var results = trade.Select(e => (Employee: e, Result: LaborBurdenTools.Compute(
                new LaborBurdenInput(e.BaseRate, options.PaidHours, burden.Components, HoursWorked: options.HoursWorked)))).ToList();
            rows.AddRange(results.Select(r => Row(r.Employee, burden.Profile, r.Result)));
            rows.Add(TradeTotal(trade.Key, burden.Profile, results.Sum(r => r.Result.Wages), results.Sum(r => r.Result.Burden)));
        }

        return new ReportTable(title, columns, rows);
    }

    private static JsonObject Row(BackOffice.Domain.Workforce.Employee e, string profile, LaborBurdenResult r) => new()
    {
        ["id"] = e.Id,
        ["employee"] = e.Name,
        ["trade"] = e.Trade,
        ["profile"] = profile,
        ["baseRate"] = MoneyText.Plain(e.BaseRate),
        ["wages"] = MoneyText.Plain(r.Wages),
        ["burden"] = MoneyText.Plain(r.Burden),
        ["burdenPercent"] = Percent(r.BurdenPercent),
        ["perPaidHour"] = MoneyText.Plain(r.BurdenedRatePerPaidHour),
        ["perHourWorked"] = MoneyText.Plain(r.BurdenedRatePerHourWorked),
        ["components"] = string.Join("; ", r.Lines.Select(l => $"{l.Name} {MoneyText.Plain(l.AnnualCost)}")),
    };

    /// <summary>A trade's total: the sums of its employees' (already rounded) wages and burden; burden % two places, half away from zero.</summary>
    private static JsonObject TradeTotal(string trade, string profile, decimal wages, decimal burden) => new()
    {
        ["id"] = "trade:" + trade,
        ["employee"] = $"{trade} total",
        ["trade"] = trade,
        ["profile"] = profile,
        ["wages"] = MoneyText.Plain(wages),
        ["burden"] = MoneyText.Plain(burden),
        ["burdenPercent"] = Percent(wages == 0m ? 0m : Math.Round(burden / wages * 100m, 2, MidpointRounding.AwayFromZero)),
    };

    private static string Percent(decimal value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
