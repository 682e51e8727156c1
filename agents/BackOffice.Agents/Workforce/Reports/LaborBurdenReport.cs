using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.Labor;

namespace BackOffice.Agents.Workforce.Reports;

/// <summary>
/// `backoffice report labor-burden` (issue 16): per active employee at the base rate for a year of the configured
/// hours, each burden component's annual cost, the burden percent and the burdened hourly rates (LaborBurdenTools).
/// Issue 16: an employee whose timecards in the year to the as-of date were worked in other trades too is split by
/// trade worked, each part at that trade's profile (TradeShareTools).
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
        var title = RoundingStatements.Titled($"Labor burden for {request.Tenant}: {options.PaidHours} paid hours, {options.HoursWorked ?? options.PaidHours} worked", RoundingStatements.LaborBurden);
        string[] columns = ["employee", "trade", "profile", "hoursShare", "baseRate", "wages", "burden", "burdenPercent", "perPaidHour", "perHourWorked", "components"];
        if (options.Components.Count == 0)
        {
            return new ReportTable(title, columns, [new JsonObject { ["id"] = "not-configured", ["employee"] = $"no burden components in {LaborBurdenOptions.SectionName}:Components" }]);
        }

        BurdenComponent[] components = [.. options.Components.Select(c => new BurdenComponent(c.Name, c.Basis, c.Rate, c.WageBase))];
        var employees = await request.Data.Workforce.EmployeesAsync(cancellationToken);
        var profiles = await request.Data.Workforce.BurdenProfilesAsync(cancellationToken);
        // Issue 16: the year ending on the as-of date splits each employee by the trade its timecards were worked in.
        var cards = (await request.Data.Workforce.TimecardsAsync(request.AsOf.AddYears(-1).AddDays(1), request.AsOf.AddDays(1), cancellationToken))
            .ToLookup(c => c.EmployeeId, StringComparer.Ordinal);
        var rows = new List<JsonObject>();
        // Issue 16: grouped by the trade worked, each employee at the trade's profile (or the company default), then the trade's total.
        var worked = employees.Where(e => e.Active).SelectMany(e => Worked(e, cards[e.Id].ToList()));
        foreach (var trade in worked.GroupBy(w => w.Share.Trade, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var burden = BurdenProfileTools.ComponentsFor(trade.Key, components, profiles);
            var results = trade.Select(w => (Worked: w, Result: LaborBurdenTools.Compute(
                new LaborBurdenInput(w.Employee.BaseRate, options.PaidHours, burden.Components, HoursWorked: options.HoursWorked)))).ToList();
            var shares = results.Select(r => (r.Worked, r.Result, Lines: ShareOf(r.Result, r.Worked.Share))).ToList();
            rows.AddRange(shares.Select(r => Row(r.Worked, burden.Profile, r.Result, r.Lines)));
            rows.Add(TradeTotal(trade.First().Share.Trade, burden.Profile, shares.Sum(r => r.Worked.Wages), shares.Sum(r => r.Lines.Sum(l => l.AnnualCost))));
        }

        return new ReportTable(title, columns, rows);
    }

    /// <summary>An employee in one trade worked: its share of the hours and of the year's wages (split to the cent by largest remainder).</summary>
    private sealed record WorkedTrade(BackOffice.Domain.Workforce.Employee Employee, TradeShare Share, decimal Wages);

    private IEnumerable<WorkedTrade> Worked(BackOffice.Domain.Workforce.Employee e, IReadOnlyList<BackOffice.Domain.Workforce.Timecard> cards)
    {
        var shares = TradeShareTools.HoursByTrade(cards, e.Trade);
        var wages = TradeShareTools.Split(MoneyMath.RoundToCent(e.BaseRate * options.PaidHours), shares);
        return shares.Select((s, i) => new WorkedTrade(e, shares.Count == 1 ? s with { Trade = e.Trade.Trim() } : s, wages[i]));
    }

    /// <summary>Issue 16: each component's annual cost times the trade's share of the hours, each rounded to the cent half away from zero.</summary>
    private static IReadOnlyList<BurdenLine> ShareOf(LaborBurdenResult result, TradeShare share) => share.Share == 1m
        ? result.Lines
        : [.. result.Lines.Select(l => l with { ChargedOn = MoneyMath.RoundToCent(l.ChargedOn * share.Share), AnnualCost = MoneyMath.RoundToCent(l.AnnualCost * share.Share) })];

    /// <summary>
    /// One employee in one trade worked. An employee who worked in one trade has the id, wages and burden of the whole
    /// year; one split over trades (issue 16) has a row per trade (id EMP@TRADE for a trade not its own) with its share
    /// of the hours, of the wages and of each component; burden % and the burdened rates are the trade's for the year.
    /// </summary>
    private static JsonObject Row(WorkedTrade w, string profile, LaborBurdenResult r, IReadOnlyList<BurdenLine> lines) => new()
    {
        ["id"] = w.Share.OwnTrade ? w.Employee.Id : $"{w.Employee.Id}@{w.Share.Trade}",
        ["employee"] = w.Employee.Name,
        ["trade"] = w.Share.Trade,
        ["profile"] = profile,
        ["hoursShare"] = Percent(Math.Round(w.Share.Share * 100m, 2, MidpointRounding.AwayFromZero)),
        ["baseRate"] = MoneyText.Plain(w.Employee.BaseRate),
        ["wages"] = MoneyText.Plain(w.Wages),
        ["burden"] = MoneyText.Plain(lines.Sum(l => l.AnnualCost)),
        ["burdenPercent"] = Percent(r.BurdenPercent),
        ["perPaidHour"] = MoneyText.Plain(r.BurdenedRatePerPaidHour),
        ["perHourWorked"] = MoneyText.Plain(r.BurdenedRatePerHourWorked),
        ["components"] = string.Join("; ", lines.Select(l => $"{l.Name} {MoneyText.Plain(l.AnnualCost)}")),
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
