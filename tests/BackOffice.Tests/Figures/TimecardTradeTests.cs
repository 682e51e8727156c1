using System.Globalization;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Agents.Workforce;
using BackOffice.Agents.Workforce.Reports;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Financial;
using BackOffice.Tests.Support;
using BackOffice.Tools.Labor;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: a timecard carries the trade worked (a carpenter who works a laborer's shift), and labor burden (WIP per
/// employee and the labor-burden report) charges that trade's profile; the employee's trade where the card has none.
/// The rates are those of <see cref="TradeBurdenWipTests"/>, DERIVED from QuickBooks Contractor's published $20.00 ->
/// $28.07 an hour: a carpenter (profile: workers' comp $13.20 per $100, union benefits $2.00 an hour) is burdened 8.07
/// an hour, a laborer (company default: workers' comp 5%) 4.43 an hour.
/// </summary>
public sealed class TimecardTradeTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BurdenComponentOptions Pct(string name, decimal rate) => new() { Name = name, Basis = BurdenBasis.PercentOfWages, Rate = rate };

    private static LaborBurdenOptions Company() => new()
    {
        PaidHours = 2_000m,
        Components =
        [
            Pct("Workers comp", 5m), Pct("Liability", 3.50m), Pct("Medicare", 1.45m), Pct("Social Security", 6.20m), Pct("SUI", 3.70m),
            Pct("FUTA", 0.80m), new() { Name = "Medical", Basis = BurdenBasis.MonthlyFixed, Rate = 50m },
        ],
    };

    [Theory]
    // A 40-hour week of a $20.00 carpenter: Mon-Wed 8 h as a carpenter (the card's trade empty, or "carpentry" in
    // another case), Thu-Fri 8 h as a laborer. Burden 24 x 8.07 + 16 x 4.43 = 193.68 + 70.88 = 264.56; raw 40 x 20.00
    // = 800.00, burdened 1,064.56; the other 9,200.00 of the ledger's 10,000.00 labor at the flat 20% = 1,840.00;
    // cost 10,000 + 264.56 + 1,840.00 = 12,104.56.
    [InlineData(8, "NULL", "800.00", "1064.56", "12104.56")]
    [InlineData(8, "'carpentry'", "800.00", "1064.56", "12104.56")]
    // Ten-hour days (TX, federal weekly overtime): 50 h, 10 h overtime spread pro rata, 6 h on the carpentry cards (30 h)
    // and 4 h on the laborer's (20 h). Premium 6 x 20 x 0.5 = 60.00 and 4 x 20 x 0.5 = 40.00: raw 1,000 + 100 = 1,100.00.
    // Burden 30 x 8.07 + 20 x 4.43 = 242.10 + 88.60 = 330.70; on the premium the percent-of-wages components only:
    // carpenter 15.65% (workers' comp is per $100 in the profile) x 60 = 9.39, laborer 20.65% x 40 = 8.26. Burdened
    // 1,100 + 330.70 + 17.65 = 1,448.35; fallback 8,900.00 x 20% = 1,780.00; cost 10,000 + 348.35 + 1,780 = 12,128.35.
    [InlineData(10, "NULL", "1100.00", "1448.35", "12128.35")]
    public async Task WipReport_TwoTradeWeek_BurdensEachCardAtItsTrade(int hoursADay, string carpentryTrade, string raw, string burdened, string cost)
    {
        var path = _temp.Tenant("acme");
        await FinancialSeed.CleanBooksAsync(path);
        var cards = string.Join(",\n", Enumerable.Range(2, 5).Select(d =>
            $"('tc-{d}', 'emp-q', 'job-1', '2026-11-{d:00}T07:00:00', '2026-11-{d:00}T{7 + hoursADay:00}:00:00', NULL, {(d <= 4 ? carpentryTrade : "'Laborer'")}, 'x')"));
        await SeedAsync(path, cards);
        var options = new FinancialOptions { LaborBurdenPercent = 20, LaborAccounts = ["acct-5100"], BurdenFromTimecards = true, EmployeeBurden = Company() };

        var table = await new WipReport(options).RunAsync(new ReportRequest(path, new DateOnly(2026, 11, 20), null), CancellationToken.None);

        var row = table.Rows.Single(r => (string?)r["rawCostToDate"] == "10000.00");
        Assert.Equal((raw, burdened, cost), ((string?)row["timecardLabor"], (string?)row["timecardLaborBurdened"], (string?)row["costToDate"]));
    }

    [Theory]
    // The year of 2,000 paid hours at $20.00 = 40,000.00, split by the hours clocked in each trade. Carpenter's year:
    // liability 1,400, Medicare 580, SS 2,480, SUI 1,480, FUTA 320, medical 600, workers' comp 13.20 x 400 = 5,280,
    // union 2 x 2,000 = 4,000: 16,140.00 (40.35%). Laborer's year: workers' comp 2,000 + 1,400 + 580 + 2,480 + 1,480 +
    // 320 + 600 = 8,860.00 (22.15%). 24 h and 16 h: 60% and 40%: wages 24,000.00 and 16,000.00, burden 9,684.00 and 3,544.00.
    [InlineData(3, "60.00", "24000.00", "9684.00", "40.00", "16000.00", "3544.00")]
    // 16 h and 8 h: two thirds and one third. Wages 26,666.67 and 13,333.33 (the odd cent to the larger remainder). Each
    // component's share to the cent: carpenter 933.33 + 386.67 + 1,653.33 + 986.67 + 213.33 + 400.00 + 3,520.00 + 2,666.67
    // = 10,760.00; laborer 666.67 + 466.67 + 193.33 + 826.67 + 493.33 + 106.67 + 200.00 = 2,953.34 (a third of 8,860 is
    // 2,953.33: rounding each component, as the report says, gives the cent).
    [InlineData(2, "66.67", "26666.67", "10760.00", "33.33", "13333.33", "2953.34")]
    public async Task LaborBurdenReport_TwoTradeYear_SplitsTheEmployeeByTradeWorked(
        int carpentryDays, string ownShare, string ownWages, string ownBurden, string laborShare, string laborWages, string laborBurden)
    {
        var path = _temp.Tenant("acme");
        await Support.TenantSeed.BaseAsync(path);
        var days = carpentryDays + (carpentryDays == 3 ? 2 : 1);
        var cards = string.Join(",\n", Enumerable.Range(2, days).Select(d =>
            $"('tc-{d}', 'emp-q', NULL, '2026-11-{d:00}T07:00:00', '2026-11-{d:00}T15:00:00', NULL, {(d < 2 + carpentryDays ? "NULL" : "'laborer '")}, 'x')"));
        await SeedAsync(path, cards);

        var table = await new LaborBurdenReport(Company()).RunAsync(new ReportRequest(path, new DateOnly(2026, 11, 20), null), CancellationToken.None);

        var own = table.Rows.Single(r => (string?)r["id"] == "emp-q");
        var labor = table.Rows.Single(r => (string?)r["id"] == "emp-q@laborer");
        Assert.Equal(("Carpentry", ownShare, ownWages, ownBurden), ((string?)own["profile"], (string?)own["hoursShare"], (string?)own["wages"], (string?)own["burden"]));
        Assert.Equal((BurdenProfileTools.CompanyDefault, laborShare, laborWages, laborBurden),
            ((string?)labor["profile"], (string?)labor["hoursShare"], (string?)labor["wages"], (string?)labor["burden"]));
        Assert.Equal(("40.35", "22.15"), ((string?)own["burdenPercent"], (string?)labor["burdenPercent"]));
        Assert.Equal(laborBurden, (string?)table.Rows.Single(r => (string?)r["id"] == "trade:laborer")["burden"]);
    }

    [Fact]
    public void JobChecks_CardWorkedInAnotherTrade_ChecksThatTradesTasks()
    {
        var start = new DateTime(2026, 11, 2, 7, 0, 0);
        var cards = new[]
        {
            new BackOffice.Domain.Workforce.Timecard("tc-1", "emp-q", "job-1", start, start.AddHours(8), null) { Trade = "Laborer" },
            new BackOffice.Domain.Workforce.Timecard("tc-2", "emp-q", "job-1", start.AddDays(1), start.AddDays(1).AddHours(8), null),
        };
        var tasks = new[] { new BackOffice.Domain.Workforce.ScheduleTask("t-1", "job-1", "Framing", "Carpentry", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 100m, 0m) };

        var issues = BackOffice.Tools.Workforce.PayrollCheckTools.JobChecks(cards, "Carpentry", new Dictionary<string, string> { ["job-1"] = "active" }, tasks);

        var issue = Assert.Single(issues);
        Assert.Equal(("tc-1", "no Laborer task is scheduled on job job-1"), (issue.TimecardId, issue.Detail));
    }

    private static Task SeedAsync(TenantData path, string cards) => FinancialSeed.ExecAsync(path, $"""
        INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('b-l', 'lv-1', 'L-1', '2026-11-01', 1000000, 'x');
        INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
            VALUES ('b-l-1', 'b-l', 1, 'acct-5100', 'cust-2', '22-000', 1000000, 'x');
        INSERT INTO workforce_employees (id, name, trade, work_state, base_rate_cents, active, row_hash) VALUES ('emp-q', 'Q', 'Carpentry', 'TX', 2000, 1, 'x');
        INSERT INTO workforce_timecards (id, employee_id, job_id, clock_in, clock_out, rate_cents, trade, row_hash) VALUES {cards};
        INSERT INTO workforce_burden_profiles (id, trade, name, basis, rate_e4, wage_base_cents, on_overtime_premium, class_code, row_hash) VALUES
            ('bp-1', 'Carpentry', 'Workers comp', 'per-hundred-of-wages', 132000, NULL, NULL, '5403', 'x'),
            ('bp-2', 'Carpentry', 'Union benefits', 'per-hour', 20000, NULL, NULL, NULL, 'x');
        """);
}
