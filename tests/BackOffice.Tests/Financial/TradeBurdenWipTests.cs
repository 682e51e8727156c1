using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Agents.Workforce;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tests.Support;
using BackOffice.Tools.Labor;

namespace BackOffice.Tests.Financial;

/// <summary>Issue 16: labor burden in WIP per employee takes the employee's trade profile over the company default.</summary>
public sealed class TradeBurdenWipTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static BurdenComponentOptions Pct(string name, decimal rate) => new() { Name = name, Basis = BurdenBasis.PercentOfWages, Rate = rate };

    [Theory]
    // DERIVED from QuickBooks Contractor's published $28.07 (EmployeeBurdenTests): the carpenters' profile brings workers'
    // comp at $13.20 per $100 and union benefits at $2.00 an hour (= 10% of $20.00), so a carpenter is burdened 8.07 an
    // hour: 80 straight-time hours -> 645.60; the other 8,400.00 of labor at the flat 20% = 1,680.00; cost 12,325.60.
    [InlineData("Carpentry", "645.60", "12325.60")]
    // The company default alone (workers' comp 5%, no union): 20.00 x 5% + 0.70 + 0.29 + 1.24 + 0.74 + 0.16 + 0.30
    // = 4.43 an hour -> 354.40; cost 10,000 + 354.40 + 1,680.00 = 12,034.40.
    [InlineData("Laborer", "354.40", "12034.40")]
    public async Task WipReport_EmployeeOfTradeWithProfile_BurdensAtTheProfile(string trade, string burden, string costToDate)
    {
        var path = _temp.Tenant("acme");
        await FinancialSeed.CleanBooksAsync(path);
        var days = new[] { 2, 3, 4, 5, 6, 9, 10, 11, 12, 13 };
        var cards = string.Join(",\n", days.Select(d => $"('tc-{d}', 'emp-q', 'job-1', '2026-11-{d:00}T07:00:00', '2026-11-{d:00}T15:00:00', NULL, 'x')"));
        await FinancialSeed.ExecAsync(path, $"""
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('b-l', 'lv-1', 'L-1', '2026-11-01', 1000000, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
                VALUES ('b-l-1', 'b-l', 1, 'acct-5100', 'cust-2', '22-000', 1000000, 'x');
            INSERT INTO workforce_employees (id, name, trade, work_state, base_rate_cents, active, row_hash) VALUES ('emp-q', 'Q', '{trade}', 'TX', 2000, 1, 'x');
            INSERT INTO workforce_timecards (id, employee_id, job_id, clock_in, clock_out, rate_cents, row_hash) VALUES {cards};
            INSERT INTO workforce_burden_profiles (id, trade, name, basis, rate_e4, wage_base_cents, on_overtime_premium, class_code, row_hash) VALUES
                ('bp-1', 'Carpentry', 'Workers comp', 'per-hundred-of-wages', 132000, NULL, NULL, '5403', 'x'),
                ('bp-2', 'Carpentry', 'Union benefits', 'per-hour', 20000, NULL, NULL, NULL, 'x');
            """);
        var company = new LaborBurdenOptions
        {
            PaidHours = 2_000m,
            Components =
            [
                Pct("Workers comp", 5m), Pct("Liability", 3.50m), Pct("Medicare", 1.45m), Pct("Social Security", 6.20m), Pct("SUI", 3.70m),
                Pct("FUTA", 0.80m), new() { Name = "Medical", Basis = BurdenBasis.MonthlyFixed, Rate = 50m },
            ],
        };
        var options = new FinancialOptions { LaborBurdenPercent = 20, LaborAccounts = ["acct-5100"], BurdenFromTimecards = true, EmployeeBurden = company };

        var table = await new WipReport(options).RunAsync(new ReportRequest(path, new DateOnly(2026, 11, 20), null), CancellationToken.None);

        var row = table.Rows.Single(r => (string?)r["rawCostToDate"] == "10000.00");
        var burdened = decimal.Parse((string)row["timecardLaborBurdened"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((burden, "1600.00"), ((burdened - 1600m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), (string?)row["timecardLabor"]));
        Assert.Equal(costToDate, (string?)row["costToDate"]);
    }
}
