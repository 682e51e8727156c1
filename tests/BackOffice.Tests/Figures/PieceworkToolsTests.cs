using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>Issue 16: day-rate (29 CFR 778.112) and piece-rate (778.111) pay in the payroll check.</summary>
public sealed class PieceworkToolsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    [Theory]
    // PUBLISHED 29 CFR 778.111(a), current text (law.cornell.edu/cfr/text/29/778.111): 50 hours, $491 at piece rates for
    // 46 productive hours plus 4 hours of waiting time at $8.00 = $523.00; / 50 = $10.46; 10 overtime hours at $5.23 =
    // $52.30; $575.30 for the week.
    [InlineData(PayBasis.PieceRate, "491.00", "46", "8.00", "10.46", "52.30", "575.30")]
    // PUBLISHED 29 CFR 778.111(a), 1981 text (DOL archive, 46 FR 7309): $245.50 at piece rates for 46 hours plus 4 hours at
    // $5.00 = $265.50; / 50 = $5.31; DERIVED from it as the current text goes on: 10 x $2.655 = $26.55, $292.05.
    [InlineData(PayBasis.PieceRate, "245.50", "46", "5.00", "5.31", "26.55", "292.05")]
    // DERIVED from 29 CFR 778.112's rule ("totaling all the sums received at such day rates ... and dividing by the total
    // hours actually worked", then half time over 40; the section prints no figures): 6 days at $200 for 60 hours =
    // $1,200 / 60 = $20.00; 20 overtime hours at $10.00 = $200.00; $1,400.00.
    [InlineData(PayBasis.DayRate, "1200.00", "60", null, "20.00", "200.00", "1400.00")]
    public void Required_PublishedWeeks_GiveRateOvertimeAndTotal(
        PayBasis basis, string units, string unitHours, string? waitingRate, string rate, string overtimeDue, string total)
    {
        IReadOnlyList<PaySegment> waiting = waitingRate is null ? [] : [new PaySegment(4m, decimal.Parse(waitingRate))];
        var hours = decimal.Parse(unitHours) + waiting.Sum(w => w.Hours);

        var week = PieceworkTools.Required(decimal.Parse(units), decimal.Parse(unitHours), waiting, 0m, hours - 40m, 0m, basis);

        Assert.Equal((decimal.Parse(rate), decimal.Parse(overtimeDue), decimal.Parse(total)), (week.RegularRate, week.OvertimeDue, week.Total));
        Assert.Contains(basis == PayBasis.DayRate ? "778.112" : "778.111", week.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 5)] // the days with clocked hours
    [InlineData("4.5", 4.5)] // the payroll line's own count wins
    public void DaysWorked_StatedOrClocked_CountsDays(string? stated, decimal expected) =>
        Assert.Equal(expected, PieceworkTools.DaysWorked([10m, 10m, 10m, 10m, 10m, 0m, 0m], stated is null ? null : decimal.Parse(stated)));

    [Fact]
    public void Check_DayRateWeekPaidWithoutOvertime_FindsTheHalfTimeOwed()
    {
        // DERIVED (778.112): $180 a day, five 10-hour days: $900 / 50 = $18.00; 10 x $9.00 = $90.00 owed on top of $900.
        var employee = new Employee("emp-d", "Dee Dayrate", "Concrete", "TX", 18m, true) { Piecework = new PieceworkPay(PayBasis.DayRate, 180m) };
        var line = new PayrollLine("prl-d", "pr-1", "emp-d", Monday, 40m, 10m, 0m, 0m, 900m);

        var result = PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(Days(10, 10, 10, 10, 10), Monday, 18m), line, [], 0.25m);

        Assert.Equal((18m, 90m, 990.00m, 90.00m), (result.Required!.RegularRate, result.Required.OvertimeDue, result.Required.Total, result.Difference));
        Assert.True(result.CanProposeAdjustment);
    }

    [Fact]
    public void Check_PieceWorkerWithWaitingTimeCard_ReproducesTheRegulation()
    {
        // 29 CFR 778.111(a) through the clock: 46 hours on cards at the base rate (the pieces pay them), 4 hours on a card
        // at $8.00 of its own (waiting time); the run pays $523.00 straight time and no overtime: $52.30 short.
        var employee = new Employee("emp-p", "Pat Piece", "Framing", "TX", 0m, true) { Piecework = new PieceworkPay(PayBasis.PieceRate, 0m) };
        var cards = Days(10, 10, 10, 10, 6);
        cards.Add(Card("tc-wait", Monday.AddDays(4), 13, 17, 8m));
        var line = new PayrollLine("prl-p", "pr-1", "emp-p", Monday, 40m, 10m, 0m, 0m, 523m) { PieceEarnings = 491m };

        var result = PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(cards, Monday, 0m), line, [], 0.25m);

        Assert.Equal((10.46m, 52.30m, 575.30m, 52.30m), (result.Required!.RegularRate, result.Required.OvertimeDue, result.Required.Total, result.Difference));
        Assert.Equal(523m, PayRatesTools.From(result.Required).StraightTimeEarnings);
    }

    [Fact]
    public void Check_PieceWorkerLineWithoutEarnings_SaysSoAndProposesNothing()
    {
        var employee = new Employee("emp-p", "Pat Piece", "Framing", "TX", 0m, true) { Piecework = new PieceworkPay(PayBasis.PieceRate, 0m) };
        var line = new PayrollLine("prl-p", "pr-1", "emp-p", Monday, 40m, 0m, 0m, 0m, 500m);

        var result = PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(Days(8, 8, 8, 8, 8), Monday, 0m), line, [], 0.25m);

        Assert.Null(result.Required);
        Assert.Contains(result.Problems, p => p.Contains("piece_earnings", StringComparison.Ordinal));
        Assert.False(result.CanProposeAdjustment);
    }

    [Theory]
    // PUBLISHED DIR, "AB 1513 Piece-Rate Compensation - FAQs" (dir.ca.gov/pieceratebackpayelection/AB_1513_FAQs.htm),
    // Labor Code 226.2(a)(3)(A): 40 hours, 1.67 hours of rest, $500 of pieces: $500 / 38.33 = $13.04 x 1.67 = $21.78, a week
    // of $521.78 (the FAQ's minimum wage $10.00 is under the average).
    [InlineData("CA", "500.00", "1.67", "10.00", "21.78", "521.78")]
    // PUBLISHED DLSE example (CalChamber Alert, 19 June 2015): $600, 1.667 hours of rest, minimum wage $9.00: $15.65 x
    // 1.667 = $26.09, $626.09.
    [InlineData("CA", "600.00", "1.667", "9.00", "26.09", "626.09")]
    // DERIVED: $300 averages $7.83 over 38.33 hours, under $16.90 (California 2026, DIR): $16.90 x 1.67 = $28.22.
    [InlineData("CA", "300.00", "1.67", "16.90", "28.22", "328.22")]
    // Outside California 226.2 does not apply: no rest pay, and the line's rest_hours are named as not counted.
    [InlineData("TX", "500.00", "1.67", "10.00", null, "500.00")]
    public void Check_CaliforniaPieceRateRestHours_AddsRestPayAtTheAverageOrTheMinimumWage(
        string state, string pieces, string restHours, string minimumWage, string? restPay, string required)
    {
        var employee = new Employee("emp-p", "Pat Piece", "Framing", state, 0m, true) { Piecework = new PieceworkPay(PayBasis.PieceRate, 0m) };
        var line = new PayrollLine("prl-p", "pr-1", "emp-p", Monday, 40m, 0m, 0m, 0m, D(required)) { PieceEarnings = D(pieces), RestHours = D(restHours) };

        var result = PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(Days(8, 8, 8, 8, 8), Monday, 0m), line, [], 0.25m, D(minimumWage));

        Assert.Equal((restPay is null ? null : D(restPay), D(required), 0m), (result.Required!.RestPeriods?.Pay, result.Required.Total, result.Difference));
        Assert.Equal(restPay is null, result.Problems.Any(p => p.Contains("rest_hours", StringComparison.Ordinal)));
    }

    [Fact]
    public void Check_CaliforniaRestPayWithoutMinimumWageOnTheLine_UsesTheGivenDefault()
    {
        // DERIVED: the line states no minimum wage, so the check's $16.90 applies: $300 / 38.33 = $7.83 < $16.90, rest
        // pay $28.22; a line's own $20.00 wins: $20.00 x 1.67 = $33.40.
        var employee = new Employee("emp-p", "Pat Piece", "Framing", "CA", 0m, true) { Piecework = new PieceworkPay(PayBasis.PieceRate, 0m) };
        var line = new PayrollLine("prl-p", "pr-1", "emp-p", Monday, 40m, 0m, 0m, 0m, 300m) { PieceEarnings = 300m, RestHours = 1.67m };
        var week = TimecardTools.Workweek(Days(8, 8, 8, 8, 8), Monday, 0m);

        var byDefault = PayrollCheckTools.Check(employee, Monday, week, line, [], 0.25m, 16.90m);
        var byLine = PayrollCheckTools.Check(employee, Monday, week, line with { MinimumWage = 20.00m }, [], 0.25m, 16.90m);

        Assert.Equal((28.22m, 33.40m), (byDefault.Required!.RestPeriods!.Pay, byLine.Required!.RestPeriods!.Pay));
        Assert.True(byLine.Required.RestPeriods.AtMinimumWage);
    }

    [Theory]
    // Labor Code 226.2(a)(1): a California piece-rate week pays rest and recovery periods apart from the pieces, so a line
    // that states no rest_hours is named, not checked as owing none; outside California, or with rest_hours, nothing is said.
    [InlineData("CA", null, true)]
    [InlineData("CA", "1.67", false)]
    [InlineData("TX", null, false)]
    public void Check_PieceRateLineWithoutRestHours_NamedOnlyInCalifornia(string state, string? restHours, bool named)
    {
        var employee = new Employee("emp-p", "Pat Piece", "Framing", state, 0m, true) { Piecework = new PieceworkPay(PayBasis.PieceRate, 0m) };
        var line = new PayrollLine("prl-p", "pr-1", "emp-p", Monday, 40m, 0m, 0m, 0m, 500m) { PieceEarnings = 500m, RestHours = restHours is null ? null : D(restHours) };

        var result = PayrollCheckTools.Check(employee, Monday, TimecardTools.Workweek(Days(8, 8, 8, 8, 8), Monday, 0m), line, [], 0.25m);

        Assert.Equal(named, result.Problems.Contains(
            "the payroll line states no rest_hours for a piece-rate week in California, so the rest and recovery pay it owes (Labor Code 226.2) is not checked"));
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Required_HourlyBasis_IsRefused() =>
        Assert.Throws<ArgumentException>(() => PieceworkTools.Required(100m, 8m, [], 0m, 0m, 0m, PayBasis.Hourly));

    private static List<Timecard> Days(params int[] hours) =>
        hours.Select((h, i) => Card($"tc-{i}", Monday.AddDays(i), 7, 7 + h, null)).ToList();

    private static Timecard Card(string id, DateOnly day, int from, int to, decimal? rate) =>
        new(id, "emp", "job-1", day.ToDateTime(new TimeOnly(from, 0)), day.ToDateTime(new TimeOnly(to, 0)), rate);
}
