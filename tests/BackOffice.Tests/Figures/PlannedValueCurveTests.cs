using System.Globalization;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Reports;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tests.Bundle;
using BackOffice.Tools.EarnedValue;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: PV from a configured curve (Agents:financial:PlannedValueCurve) for a job nothing else plans.</summary>
public sealed class PlannedValueCurveTests : IDisposable
{
    private static readonly DateOnly Start = new(2026, 11, 1), End = new(2026, 11, 30);
    private readonly BundleTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Theory]
    // DERIVED from the stated polynomials: half way (t = 15/30) linear and S-curve 0.5, front-loaded 1 - 0.25 = 0.75,
    // back-loaded 0.25; a quarter in (t = 0.25 on a 4-day job's first day) the S-curve is 3/16 - 2/64 = 0.15625.
    [InlineData(PlannedValueCurve.Linear, "2026-11-15", "0.5")]
    [InlineData(PlannedValueCurve.SCurve, "2026-11-15", "0.5")]
    [InlineData(PlannedValueCurve.FrontLoaded, "2026-11-15", "0.75")]
    [InlineData(PlannedValueCurve.BackLoaded, "2026-11-15", "0.25")]
    [InlineData(PlannedValueCurve.SCurve, "2026-10-31", "0")]
    [InlineData(PlannedValueCurve.SCurve, "2026-11-30", "1")]
    public void CurveFraction_StatedCurves_GiveTheirShares(PlannedValueCurve curve, string asOf, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), BudgetSpreadTools.CurveFraction(curve, Start, End, DateOnly.Parse(asOf, CultureInfo.InvariantCulture)));

    [Fact]
    public void CurveFraction_SCurveQuarterWay_IsSlowerThanLinear() =>
        Assert.Equal(0.15625m, BudgetSpreadTools.CurveFraction(PlannedValueCurve.SCurve, Start, Start.AddDays(3), Start));

    [Theory]
    // DERIVED: job-101 runs 2026-09-08 to 2026-12-18 (102 days); on 2026-10-28, 51 days in, t = 0.5 of BAC 127,850.00.
    [InlineData(PlannedValueCurve.Linear, "63925.00")]
    [InlineData(PlannedValueCurve.FrontLoaded, "95887.50")]
    [InlineData(PlannedValueCurve.BackLoaded, "31962.50")]
    [InlineData(PlannedValueCurve.None, null)]
    public async Task EarnedValue_JobWithoutScheduleOrSpread_PlansPvOnTheConfiguredCurve(PlannedValueCurve curve, string? pv)
    {
        Enumerable.Range(1, 7).ToList().ForEach(i => _kit.RemoveLineStartingWith("project/schedule-tasks.csv", $"st-0{i},"));
        await _kit.ImportAsync();
        var report = new EarnedValueReport(new FinancialOptions { PlannedValueCurve = curve });

        var table = await report.RunAsync(new ReportRequest(_kit.Temp.Tenant(BundleTestKit.Tenant), new DateOnly(2026, 10, 28), "job-101"), CancellationToken.None);

        var planned = table.Rows.SingleOrDefault(r => (string?)r["measure"] == "PV");
        Assert.Equal(pv, (string?)planned?["value"]);
        Assert.Equal(pv is null ? "note" : "schedule", (string?)table.Rows.Last()["measure"]);
    }
}
