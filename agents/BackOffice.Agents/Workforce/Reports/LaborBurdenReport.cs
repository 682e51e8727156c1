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
        string[] columns = ["employee", "trade", "baseRate", "wages", "burden", "burdenPercent", "perPaidHour", "perHourWorked", "components"];
        if (options.Components.Count == 0)
        {
            return new ReportTable(title, columns, [new JsonObject { ["id"] = "not-configured", ["employee"] = $"no burden components in {LaborBurdenOptions.SectionName}:Components" }]);
        }

        BurdenComponent[] components = [.. options.Components.Select(c => new BurdenComponent(c.Name, c.Basis, c.Rate, c.WageBase))];
        var employees = await request.Data.Workforce.EmployeesAsync(cancellationToken);
        var rows = employees.Where(e => e.Active).Select(e =>
        {
            var r = LaborBurdenTools.Compute(new LaborBurdenInput(e.BaseRate, options.PaidHours, components, HoursWorked: options.HoursWorked));
            return new JsonObject
            {
                ["id"] = e.Id,
                ["employee"] = e.Name,
                ["trade"] = e.Trade,
                ["baseRate"] = MoneyText.Plain(e.BaseRate),
                ["wages"] = MoneyText.Plain(r.Wages),
                ["burden"] = MoneyText.Plain(r.Burden),
                ["burdenPercent"] = r.BurdenPercent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                ["perPaidHour"] = MoneyText.Plain(r.BurdenedRatePerPaidHour),
                ["perHourWorked"] = MoneyText.Plain(r.BurdenedRatePerHourWorked),
                ["components"] = string.Join("; ", r.Lines.Select(l => $"{l.Name} {MoneyText.Plain(l.AnnualCost)}")),
            };
        }).ToList();
        return new ReportTable(title, columns, rows);
    }
}
