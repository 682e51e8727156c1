using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: several piece rates in one week. 29 CFR 778.418(c) (law.cornell.edu/cfr/text/29/778.418): "If a pieceworker
/// works at two or more kinds of work for which different straight time piece rates have been established, and if by
/// agreement he is paid at a rate not less than one and one-half whichever straight time piece rate is applicable to the
/// work performed during the overtime hours", the rates must meet all the section's tests. 29 CFR 778.111(a)
/// (law.cornell.edu/cfr/text/29/778.111): the regular rate is "total earnings for the workweek from piece rates" over
/// "the number of hours worked", half of it more per hour over 40. Neither prints figures for several rates, so every
/// week here is DERIVED from that text.
/// </summary>
public sealed class SeveralPieceRatesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A framer on two kinds of work: sheathing at $0.50 a piece and trim at $0.80, with $0.75 agreed for sheathing pieces
    /// in overtime (the employee's pair). Forty nonovertime hours: 600 sheathing pieces ($300.00) and 250 trim pieces
    /// ($200.00) = $500.00, $12.50 an hour (bona fide, 778.418(b)). The 6 overtime hours (Mon-Thu 10 h, Fri 6 h = 46 h)
    /// are trim: 100 pieces.
    /// </summary>
    private static readonly Employee Framer = new("emp-f", "Fran Framer", "Framing", "TX", 0m, true)
    {
        Piecework = new PieceworkPay(PayBasis.PieceRate, 0m) { PieceRate = 0.50m, OvertimePieceRate = 0.75m },
    };

    private static PayrollLine TrimOvertime(string overtimeRate, decimal overtimeHoursPaid = 6m, string? applicable = "0.80", string gross = "0") =>
        new("prl-f", "run", "emp-f", Monday, 40m, overtimeHoursPaid, 0m, 0m, D(gross))
        {
            PieceEarnings = 500.00m,
            OvertimePieces = 100m,
            PieceRate = applicable is null ? null : D(applicable),
            OvertimePieceRate = D(overtimeRate),
        };

    private static PayrollCheckResult Check(PayrollLine line) =>
        PayrollCheckTools.Check(Framer, Monday, TimecardTools.Workweek(Days(10, 10, 10, 10, 6), Monday, 0m), line, [], 0.25m);

    [Fact]
    public void Check_OvertimePiecesAtTheHigherRate_Passes778418c()
    {
        // DERIVED: the trim done in overtime is paid 1.5 x $0.80 = $1.20 a piece: 100 x $1.20 = $120.00, at least 1.5 x $7.25
        // x 6 = $65.25 ((a)(4)): the week requires $500.00 + $120.00 = $620.00 and no further overtime.
        var result = Check(TrimOvertime("1.20", gross: "620.00"));

        Assert.Equal((620.00m, 120.00m, 0.00m), (result.Required!.Total, result.Required.OvertimeDue, result.Difference));
        Assert.Equal(AgreedPieceRateTools.SeveralRatesRule, result.Required.Rule);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Check_OvertimePiecesAtOneAndAHalfTheLowerRateOnly_Fails778418cAndOwesTheRegularRate()
    {
        // DERIVED: the trim done in overtime paid $0.75 a piece, 1.5 x the lower sheathing rate only. 778.418(c) holds it
        // against the trim rate: $0.75 < 1.5 x $0.80 = $1.20, so the agreement does not settle the week. Paying less than
        // the trim's own straight-time rate is no overtime premium, so the pieces enter 778.111(a) as paid: straight-time
        // earnings $500.00 + 100 x $0.75 = $575.00 over 46 hours = $12.50 regular rate; 6 x $6.25 = $37.50 half time;
        // $612.50 required against the $575.00 paid.
        var result = Check(TrimOvertime("0.75", gross: "575.00"));

        Assert.Equal((12.50m, 37.50m, 612.50m, 37.50m), (result.Required!.RegularRate, result.Required.OvertimeDue, result.Required.Total, result.Difference));
        Assert.Contains("778.418(c): the overtime piece rate 0.75 is less than 1.5 x the piece rate 0.80 applicable to the work performed during the overtime hours", result.Problems);
        Assert.Equal(PieceworkTools.PieceRateRule, result.Required.Rule);
    }

    [Fact]
    public void Check_SameWeekRatedAgainstTheLowerRate_WouldWronglyPass()
    {
        // The contrast (DERIVED): without the line's piece_rate the employee's sheathing pair applies, and $0.75 = 1.5 x
        // $0.50 passes (a): $575.00 would be required. This is what 778.418(c) forbids for trim done in overtime.
        var result = Check(TrimOvertime("0.75", applicable: null) with { OvertimePieceRate = null });

        Assert.Equal((575.00m, AgreedPieceRateTools.AgreedRule), (result.Required!.Total, result.Required.Rule));
    }

    [Theory]
    // Boundary of 1.5 x $0.80 = $1.20 (DERIVED). $1.1999 fails (c) and is not a premium: $500.00 + 100 x $1.1999 = $619.99
    // straight time over 46 h = $13.478043; 6 x half = $40.434130; $660.4241 -> $660.42.
    [InlineData("1.1999", false, "660.42")]
    // Exactly $1.20 holds: $500.00 + $120.00 = $620.00.
    [InlineData("1.2000", true, "620.00")]
    // Above it holds: $500.00 + $120.01 = $620.01.
    [InlineData("1.2001", true, "620.01")]
    public void Check_AgreedRateAroundOneAndAHalfTheApplicableRate_SettlesOnlyFromIt(string overtimeRate, bool settles, string required)
    {
        var result = Check(TrimOvertime(overtimeRate));

        Assert.Equal((settles, D(required)), (result.Required!.Rule == AgreedPieceRateTools.SeveralRatesRule, result.Required.Total));
        Assert.Equal(settles, !result.Problems.Any(p => p.StartsWith("778.418(c)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Check_SeveralRatesConditionFails_RegularRateIsAllStraightTimeEarningsOverAllHours()
    {
        // DERIVED, 778.111(a) with several piece rates: the run pays the $1.20 overtime rate for 5 of the 6 hours over 40
        // ((a)(3) fails). $1.20 is 1.5 x the trim rate, an overtime premium (FLSA 7(e)(7)), so the overtime pieces enter at
        // their straight-time rate $0.80: straight time $300.00 + $200.00 + $80.00 = $580.00 over 46 h = $12.608696 (12.61
        // shown); 6 x half = $37.826087; $617.826 -> $617.83, the $40.00 paid over straight time credited (7(h)(2)).
        var result = Check(TrimOvertime("1.20", overtimeHoursPaid: 5m));

        Assert.Equal((12.61m, 617.83m), (Math.Round(result.Required!.RegularRate, 2, MidpointRounding.AwayFromZero), result.Required.Total));
        Assert.Contains(result.Problems, p => p.StartsWith("778.418(a)(3)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LineRatesOnAnHourlyEmployee_AreNamedNotCounted()
    {
        var hourly = new Employee("emp-f", "Hal Hourly", "Framing", "TX", 20m, true);

        var result = PayrollCheckTools.Check(hourly, Monday, TimecardTools.Workweek(Days(8, 8, 8, 8, 8), Monday, 20m), TrimOvertime("1.20", 0m), [], 0.25m);

        Assert.Contains(result.Problems, p => p.StartsWith("the payroll line states piece_rate and overtime_piece_rate", StringComparison.Ordinal));
    }

    private static List<Timecard> Days(params int[] hours) =>
        hours.Select((h, i) => new Timecard($"tc-{i}", "emp-f", "job-1", Monday.AddDays(i).ToDateTime(new TimeOnly(7, 0)), Monday.AddDays(i).ToDateTime(new TimeOnly(7 + h, 0)), null)).ToList();
}
