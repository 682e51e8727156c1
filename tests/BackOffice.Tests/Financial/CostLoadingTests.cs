using BackOffice.Agents.Financial;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Tests.Support;
using BackOffice.Tools.Financial;

namespace BackOffice.Tests.Financial;

/// <summary>
/// Labor burden (percent of labor cost) and overhead (percent of direct cost), issue 3. The cases are hand-computed
/// arithmetic, not a published worked example; the rounding rows pin half-away-from-zero at the cent.
/// </summary>
public sealed class CostLoadingTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("100000.00", "40000.00", "0", "0", "0.00", "0.00", "100000.00")]
    [InlineData("100000.00", "40000.00", "30", "0", "12000.00", "0.00", "112000.00")]
    [InlineData("100000.00", "40000.00", "0", "8", "0.00", "8000.00", "108000.00")]
    [InlineData("100000.00", "40000.00", "32.5", "8", "13000.00", "8000.00", "121000.00")]
    [InlineData("0.10", "0.10", "5", "5", "0.01", "0.01", "0.12")]
    [InlineData("0.09", "0.09", "5", "5", "0.00", "0.00", "0.09")]
    [InlineData("1234.57", "0.00", "30", "10", "0.00", "123.46", "1358.03")]
    public void Load_Table_BurdenOnLaborOverheadOnDirect(string direct, string labor, string burdenPct, string overheadPct, string burden, string overhead, string total)
    {
        var loaded = CostLoadingTools.Load(decimal.Parse(direct), decimal.Parse(labor), decimal.Parse(burdenPct), decimal.Parse(overheadPct));

        Assert.Equal((decimal.Parse(burden), decimal.Parse(overhead), decimal.Parse(total)), (loaded.LaborBurden, loaded.Overhead, loaded.Total));
    }

    [Fact]
    public void Load_NegativePercent_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CostLoadingTools.Load(100m, 10m, -1m, 0m));

    /// <summary>
    /// The seed's job: contract $100,000, budget $20,000 (22-000) + $60,000 (09-900, designated labor here) = $80,000 at
    /// completion. Loading the estimate turns the job into a loss job exactly when it passes the contract.
    /// </summary>
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(30, 0, null)]
    [InlineData(0, 25, null)]
    [InlineData(0, 26, "-800.00")]
    [InlineData(30, 10, "-6000.00")]
    public async Task Sweep_CostLoadingConfigured_EstimateAtCompletionCarriesIt(int burdenPct, int overheadPct, string? expectedLoss)
    {
        var path = _temp.Tenant("acme");
        await FinancialSeed.CleanBooksAsync(path);
        var options = new FinancialOptions { LaborBurdenPercent = burdenPct, OverheadPercent = overheadPct, LaborCostCodes = ["09-900"] };

        var findings = (await new FinancialAgent(options).SweepAsync(new SweepContext(path, new DateOnly(2026, 11, 20), new Progress<string>(), null), CancellationToken.None)).Findings;

        var loss = findings.SingleOrDefault(f => f.Check == "loss-job");
        Assert.Equal(expectedLoss, loss?.Figures.Single(f => f.Name == "estimated_gross_profit").Value);
        if (loss is not null)
        {
            var eac = 80000m + 60000m * burdenPct / 100m + 80000m * overheadPct / 100m;
            Assert.Equal(eac.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), loss.Figures.Single(f => f.Name == "estimated_total_cost").Value);
        }
    }

    [Fact]
    public async Task Sweep_OverheadConfigured_CostToDateCarriesIt()
    {
        var path = _temp.Tenant("acme");
        await FinancialSeed.CleanBooksAsync(path);
        await FinancialSeed.ExecAsync(path, """
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('b-l', 'lv-1', 'L-1', '2026-11-01', 1000000, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
                VALUES ('b-l-1', 'b-l', 1, 'acct-5100', 'cust-2', '22-000', 1000000, 'x');
            """);
        // Overhead 50% makes the $80,000 estimate $120,000: a loss job whose cost to date is the $10,000 posted plus 50%.
        var options = new FinancialOptions { OverheadPercent = 50, LaborBurdenPercent = 20, LaborAccounts = ["acct-5100"] };

        var findings = (await new FinancialAgent(options).SweepAsync(new SweepContext(path, new DateOnly(2026, 11, 20), new Progress<string>(), null), CancellationToken.None)).Findings;

        var loss = Assert.Single(findings, f => f.Check == "loss-job");
        Assert.Equal("17000.00", loss.Figures.Single(f => f.Name == "cost_to_date").Value);
    }

    [Fact]
    public async Task WipReport_CostLoadingConfigured_ShowsPostedCostBesideTheLoadedCost()
    {
        // Issue 16 (DERIVED, the seed above): $10,000 posted to labor; 50% overhead on direct cost and 20% burden on labor -> $17,000.
        var path = _temp.Tenant("acme");
        await FinancialSeed.CleanBooksAsync(path);
        await FinancialSeed.ExecAsync(path, """
            INSERT INTO ledger_bills (id, vendor_id, doc_number, txn_date, total_cents, row_hash) VALUES ('b-l', 'lv-1', 'L-1', '2026-11-01', 1000000, 'x');
            INSERT INTO ledger_bill_lines (id, bill_id, line_no, account_id, customer_id, item, amount_cents, row_hash)
                VALUES ('b-l-1', 'b-l', 1, 'acct-5100', 'cust-2', '22-000', 1000000, 'x');
            """);
        var options = new FinancialOptions { OverheadPercent = 50, LaborBurdenPercent = 20, LaborAccounts = ["acct-5100"] };

        var table = await new BackOffice.Agents.Financial.Reports.WipReport(options)
            .RunAsync(new BackOffice.Kernel.Abstractions.Reports.ReportRequest(path, new DateOnly(2026, 11, 20), null), CancellationToken.None);

        var row = table.Rows.Single(r => (string?)r["rawCostToDate"] == "10000.00");
        Assert.Equal(("7000.00", "17000.00"), ((string?)row["costLoading"], (string?)row["costToDate"]));
        Assert.Contains("rawCostToDate", table.Columns);
    }
}
