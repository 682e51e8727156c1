using System.Globalization;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Tests.Bundle;
using BackOffice.Tests.Support;
using BackOffice.Tools.EarnedValue;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: PV from a time-phased budget (project/budget-spreads.csv) where no schedule plans the job.</summary>
public sealed class BudgetSpreadTests : IDisposable
{
    private const string Spreads = "project/budget-spreads.csv";
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static BudgetSpread Day(int day, decimal amount) => new($"d{day}", "fence", null, new DateOnly(2026, 11, day), new DateOnly(2026, 11, day), amount);

    [Theory]
    // PUBLISHED: the fence exercise ("PMP Exam Prep", Mulcahy, P-210; figures.md 3(a)): four sides at $1,000, one a day;
    // at the end of day 3 PV = $3,000 (BAC $4,000).
    [InlineData(3, "3000")]
    [InlineData(1, "1000")]
    [InlineData(4, "4000")]
    [InlineData(9, "4000")] // after the last period: the whole BAC
    public void PlannedValue_FenceSpreadByDay_IsTheCumulativeSpread(int day, string expected)
    {
        BudgetSpread[] fence = [Day(2, 1_000m), Day(3, 1_000m), Day(4, 1_000m), Day(5, 1_000m)];

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), BudgetSpreadTools.PlannedValue(fence, new DateOnly(2026, 11, day + 1)));
        Assert.Equal(4_000m, BudgetSpreadTools.Total(fence));
    }

    [Theory]
    // DERIVED: $3,000 planned over November (30 days): nothing before it, 10/30 by the 10th, all of it from the 30th on.
    [InlineData("2026-10-31", "0")]
    [InlineData("2026-11-01", "100")]
    [InlineData("2026-11-10", "1000")]
    [InlineData("2026-11-30", "3000")]
    public void PlannedValue_DateInsideAPeriod_PlansItByCalendarDay(string asOf, string expected)
    {
        BudgetSpread[] month = [new("m", "job", null, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 3_000m)];

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), BudgetSpreadTools.PlannedValue(month, DateOnly.Parse(asOf, CultureInfo.InvariantCulture)));
    }

    private void WriteSpread() => File.WriteAllLines(Path.Combine(_kit.Bundle, Spreads),
    [
        "id,job_id,cost_code,period_start,period_end,amount",
        "sp-1,job-101,,2026-09-01,2026-09-30,40000.00",
        "sp-2,job-101,,2026-10-01,2026-10-31,50000.00",
        "sp-3,job-101,,2026-11-01,2026-11-30,37850.00",
    ]);

    [Theory]
    [InlineData(true, "crew hours", null)]
    // DERIVED: job-101's BAC 127,850.00 spread 40,000 / 50,000 / 37,850 over September to November: on 2026-11-15 PV =
    // 90,000 + 37,850 x 15 / 30 = 108,925.00.
    [InlineData(false, "time-phased budget", "108925.00")]
    public async Task EarnedValue_BudgetSpread_PlansPvWhereNoScheduleDoes(bool keepSchedule, string label, string? pv)
    {
        WriteSpread();
        if (!keepSchedule)
        {
            Enumerable.Range(1, 7).ToList().ForEach(i => _kit.RemoveLineStartingWith("project/schedule-tasks.csv", $"st-0{i},"));
        }

        var cli = new CliRunner(_kit.Temp.Root);
        await cli.OkAsync("tenant", "create", "demo");
        await cli.OkAsync("import", "--tenant", "demo", _kit.Bundle);
        string[] job = ["--tenant", "demo", "--job", "job-101", "--as-of", "2026-11-15", "--json"];

        var rows = (await cli.OkAsync(["report", "earned-value", .. job])).Json.AsArray().Select(n => n!.AsObject()).ToList();

        Assert.Contains(label, (string?)rows.Single(r => (string?)r["measure"] == "schedule")["label"], StringComparison.Ordinal);
        if (pv is not null)
        {
            Assert.Equal(pv, (string?)rows.Single(r => (string?)r["measure"] == "PV")["value"]);
            // EV: the BAC at the share of the contract WIP has earned, rounded once.
            var wip = (await cli.OkAsync(["report", "wip", .. job])).Json.AsArray().Single()!;
            var earned = decimal.Parse((string)wip["earnedRevenue"]!, CultureInfo.InvariantCulture) / decimal.Parse((string)wip["contract"]!, CultureInfo.InvariantCulture);
            Assert.Equal(MoneyMath.RoundToCent(127_850m * earned).ToString("0.00", CultureInfo.InvariantCulture), (string?)rows.Single(r => (string?)r["measure"] == "EV")["value"]);
        }
    }

    [Fact]
    public async Task Import_PeriodEndBeforeStart_NamesFileRowAndField()
    {
        File.WriteAllLines(Path.Combine(_kit.Bundle, Spreads), ["id,job_id,cost_code,period_start,period_end,amount", "sp-1,job-101,,2026-09-30,2026-09-01,100.00"]);

        var failure = await _kit.ImportFailsAsync();

        var error = Assert.Single(failure.Errors);
        Assert.Equal((Spreads, 2, "period_end"), (error.File, error.Line, error.Column));
    }
}
