using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Agents.Workforce;
using BackOffice.Domain.Workforce;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tests.Support;
using BackOffice.Tools.Labor;

namespace BackOffice.Tests.Financial;

/// <summary>Labor burden in WIP per employee through the burden calculator, the flat percent as fallback (issue 16).</summary>
public sealed class EmployeeBurdenTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BurdenComponentOptions Pct(string name, decimal rate) => new() { Name = name, Basis = BurdenBasis.PercentOfWages, Rate = rate };

    // PUBLISHED: QuickBooks Contractor help "Labor burden" ($20.00/hr -> $28.07/hr; $50 medical a month as 0.30/hr = 2,000 hours).
    private static readonly LaborBurdenOptions QuickBooksExample = new()
    {
        PaidHours = 2_000m,
        Components =
        [
            Pct("Workers comp", 13.20m), Pct("Liability", 3.50m), Pct("Medicare", 1.45m), Pct("Social Security", 6.20m), Pct("SUI", 3.70m),
            Pct("FUTA", 0.80m), Pct("Union benefits", 10m), new() { Name = "Medical", Basis = BurdenBasis.MonthlyFixed, Rate = 50m },
        ],
    };

    /// <summary>Issue 16: the same components, workers' comp and union benefits (paid per straight-time hour) kept off the overtime premium.</summary>
    private static readonly LaborBurdenOptions QuickBooksPremiumRule = new()
    {
        PaidHours = QuickBooksExample.PaidHours,
        Components = [.. QuickBooksExample.Components.Select(c => c.Name is "Workers comp" or "Union benefits"
            ? new BurdenComponentOptions { Name = c.Name, Basis = c.Basis, Rate = c.Rate, OnOvertimePremium = false } : c)],
    };

    private static EmployeeBurdenRate QuickBooksRate(string employee = "emp-q") => JobLaborBurdenTools.RateOf(
        new Employee(employee, "Q", "Carpentry", "TX", 20m, true),
        new LaborBurdenInput(0m, QuickBooksExample.PaidHours, [.. QuickBooksExample.Components.Select(c => new BurdenComponent(c.Name, c.Basis, c.Rate, c.WageBase))]));

    [Fact]
    public void RateOf_QuickBooksExample_IsThePublishedBurdenedRate()
    {
        var rate = QuickBooksRate();

        Assert.Equal((28.07m, 8.07m), (rate.BurdenedRatePerHourWorked, rate.BurdenPerHour));
    }

    [Theory]
    // DERIVED from the published $28.07: hours, shift rate (null = base $20), ledger labor, flat % -> raw, burdened, fallback labor, fallback burden.
    [InlineData(100.0, null, 2_500.0, 20.0, 2_000.0, 2_807.0, 500.0, 100.0)]
    [InlineData(10.0, 25.0, 250.0, 20.0, 250.0, 330.70, 0.0, 0.0)] // a shift at $25 carries the same $8.07 an hour
    [InlineData(100.0, null, 1_500.0, 20.0, 2_000.0, 2_807.0, 0.0, 0.0)] // clocked but not yet posted: no negative fallback
    [InlineData(0.333, null, 6.66, 0.0, 6.66, 9.35, 0.0, 0.0)] // 0.333 h: 6.66 raw (6.66 exact), burden 2.687 -> 2.69
    public void ForJob_ClockedHoursOfAnEmployeeWithBurdenData_BurdenedPerEmployeeRestAtFlatPercent(
        double hours, double? shiftRate, double ledgerLabor, double flat, double raw, double burdened, double fallbackLabor, double fallbackBurden)
    {
        var rates = new Dictionary<string, EmployeeBurdenRate> { ["emp-q"] = QuickBooksRate() };
        JobLaborHours[] clocked = [new("job-1", "emp-q", (decimal?)shiftRate, (decimal)hours), new("job-2", "emp-q", null, 40m)];

        var burden = JobLaborBurdenTools.ForJob("job-1", clocked, rates, (decimal)ledgerLabor, (decimal)flat);

        Assert.Equal(((decimal)raw, (decimal)burdened), (burden.RawTimecardLabor, burden.BurdenedTimecardLabor));
        Assert.Equal(((decimal)fallbackLabor, (decimal)fallbackBurden), (burden.FallbackLabor, burden.FallbackBurden));
    }

    [Fact]
    public void ForJob_EmployeeWithoutBurdenData_AllLaborAtTheFlatPercent()
    {
        JobLaborHours[] clocked = [new("job-1", "emp-unknown", null, 100m)];

        var burden = JobLaborBurdenTools.ForJob("job-1", clocked, new Dictionary<string, EmployeeBurdenRate>(), 2_000m, 32.5m);

        Assert.Equal((0m, 2_000m, 650m, 650m), (burden.RawTimecardLabor, burden.FallbackLabor, burden.FallbackBurden, burden.TotalBurden));
    }

    [Fact]
    public async Task WipReport_BurdenFromTimecards_ShowsClockedLaborAtBaseAndBurdenedRatesBesideRaw()
    {
        // DERIVED (the published $28.07): $10,000 labor posted to job-1; 100 clocked hours of a $20 employee -> 2,000.00 at
        // straight time, 807.00 of burden. Issue 16: the first workweek (Nov 2-8) has 70 hours, so 30 overtime hours (FLSA)
        // carry a premium of 30 x 20.00 x 0.5 = 300.00 (raw 2,300.00), burdened by the components charged on premium:
        // liability, Medicare, Social Security, SUI, FUTA = 15.65% -> 46.95 (workers' comp and union benefits are not, by
        // setting); burdened 2,300 + 807 + 46.95 = 3,153.95. The other 7,700.00 of labor at the flat 20% = 1,540.00;
        // cost 10,000 + 807 + 46.95 + 1,540 = 12,393.95.
        var path = _temp.Tenant("acme");
        await FinancialSeed.CleanBooksAsync(path);
        var cards = string.Join(",\n", Enumerable.Range(2, 10).Select(d =>
            $"('tc-{d}', 'emp-q', 'job-1', '2026-11-{d:00}T07:00:00', '2026-11-{d:00}T17:00:00', NULL, 'x')"));
        await FinancialSeed.ExecAsync(path, $"""
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('b-l', 'lv-1', 'L-1', '2026-11-01', 1000000, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
                VALUES ('b-l-1', 'b-l', 1, 'acct-5100', 'cust-2', '22-000', 1000000, 'x');
            INSERT INTO workforce_employees (id, name, trade, work_state, base_rate_cents, active, row_hash) VALUES ('emp-q', 'Q', 'Carpentry', 'TX', 2000, 1, 'x');
            INSERT INTO workforce_timecards (id, employee_id, job_id, clock_in, clock_out, rate_cents, row_hash) VALUES {cards};
            """);
        var options = new FinancialOptions { LaborBurdenPercent = 20, LaborAccounts = ["acct-5100"], BurdenFromTimecards = true, EmployeeBurden = QuickBooksPremiumRule };

        var table = await new WipReport(options).RunAsync(new ReportRequest(path, new DateOnly(2026, 11, 20), null), CancellationToken.None);

        var row = table.Rows.Single(r => (string?)r["rawCostToDate"] == "10000.00");
        Assert.Equal(("2300.00", "3153.95"), ((string?)row["timecardLabor"], (string?)row["timecardLaborBurdened"]));
        Assert.Equal(("300.00", "46.95"), ((string?)row["overtimePremium"], (string?)row["overtimePremiumBurden"]));
        Assert.Equal(("7700.00", "1540.00"), ((string?)row["fallbackLabor"], (string?)row["fallbackBurden"]));
        Assert.Equal(("2393.95", "12393.95"), ((string?)row["costLoading"], (string?)row["costToDate"]));
        Assert.Contains("timecardLaborBurdened", table.Columns);
    }

    [Theory]
    [InlineData(true, 0, false)]
    [InlineData(true, 1, true)]
    [InlineData(false, 0, true)]
    public void FinancialOptions_BurdenFromTimecards_NeedsBurdenComponents(bool fromTimecards, int components, bool valid)
    {
        var options = new FinancialOptions
        {
            BurdenFromTimecards = fromTimecards,
            EmployeeBurden = new LaborBurdenOptions { Components = [.. QuickBooksExample.Components.Take(components)] },
        };

        Assert.Equal(valid, options.Valid);
    }
}
