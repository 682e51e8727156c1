using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: an agreed overtime piece rate in the payroll check (29 CFR 778.418, law.cornell.edu/cfr/text/29/778.418).
/// The section prints no figures, so every week here is DERIVED from its text: "paid at a rate not less than one and
/// one-half times this piece rate for each piece produced during the overtime hours", with "no additional overtime pay"
/// due when (a)(1)-(4) and (b) hold; the federal minimum wage is $7.25 (29 U.S.C. 206(a)(1)(C)).
/// </summary>
public sealed class AgreedPieceRateTests
{
    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Ten-hour days Monday to Thursday and a six-hour Friday: 46 hours, 6 of them over 40 (federal).</summary>
    private static OvertimeSplit FortySix(OvertimeRule rule = OvertimeRule.Federal) =>
        OvertimeTools.SplitWeek([10m, 10m, 10m, 10m, 6m, 0m, 0m], rule, new DateOnly(2026, 11, 2));

    private static PieceworkPay Agreement(string overtimeRate, decimal? guarantee = null) =>
        new(PayBasis.PieceRate, 0m) { PieceRate = 0.50m, OvertimePieceRate = D(overtimeRate), GuaranteedRate = guarantee };

    private static PayrollLine Line(string pieces, string overtimePieces, decimal overtimeHoursPaid, decimal bonus = 0m) =>
        new("prl-1", "run", "emp-1", new DateOnly(2026, 11, 2), 40m, overtimeHoursPaid, 0m, bonus, 0m)
        {
            PieceEarnings = D(pieces),
            OvertimePieces = D(overtimePieces),
        };

    [Theory]
    // 1,000 pieces at $0.50 in 40 hours ($500.00, $12.50 an hour, bona fide by 778.418(b)); 120 pieces in the 6 overtime
    // hours at the agreed $0.75 = $90.00, at least 1.5 x $7.25 x 6 = $65.25 ((a)(4)): $590.00, no further overtime.
    [InlineData("0.75", "120", "590.00", "90.00")]
    // The agreed rate may exceed 1.5x: $1.00 a piece, 120 pieces = $120.00; $620.00.
    [InlineData("1.00", "120", "620.00", "120.00")]
    public void ForWeek_778418ConditionsHold_RequiresTheOvertimePiecesAtTheAgreedRate(string rate, string pieces, string total, string overtimeDue)
    {
        var week = AgreedPieceRateTools.ForWeek(Agreement(rate), Line("500.00", pieces, 6m), 46m, [], FortySix());

        var required = Assert.IsType<RequiredPay>(week.Week);
        Assert.Equal((D(total), D(overtimeDue), AgreedPieceRateTools.AgreedRule), (required.Total, required.OvertimeDue, required.Rule));
        Assert.Equal(12.50m, required.RegularRate);
        Assert.Empty(week.Notes);
    }

    [Theory]
    // (a) fails: $0.70 < 1.5 x $0.50. Not an overtime premium (FLSA 7(e)(7)), so the pieces enter 778.111(a) as paid:
    // $500.00 + 120 x $0.70 = $584.00.
    [InlineData("0.70", 6, 0, "584.00", "778.418(a): the overtime piece rate 0.70 is less than 1.5 x the piece rate 0.50")]
    // (a)(3) fails: the run pays the overtime rate for 5 of the 6 hours over 40. The $0.75 rate is a premium (7(e)(7)):
    // the pieces enter at the piece rate, $500.00 + 120 x $0.50 = $560.00, the $30.00 extra credited (7(h)(2)).
    [InlineData("0.75", 5, 0, "560.00", "778.418(a)(3): the overtime piece rate is paid for 5 hours, fewer than the 6 hours over the maximum")]
    // A bonus is not paid by a piece rate: the agreement does not settle the week.
    [InlineData("0.75", 6, 50, "560.00", "the agreed overtime piece rate (29 CFR 778.418) pays pieces only, and the week has a bonus")]
    public void ForWeek_ConditionFails_FallsBackToTheRegularRateAndSaysWhy(string rate, decimal hoursPaid, decimal bonus, string pieceEarnings, string note)
    {
        var week = AgreedPieceRateTools.ForWeek(Agreement(rate), Line("500.00", "120", hoursPaid, bonus), 46m, [], FortySix());

        Assert.Null(week.Week);
        Assert.Equal(D(pieceEarnings), week.PieceEarnings);
        Assert.Equal(note, week.Notes[0]);
        Assert.Contains("29 CFR 778.111(a)", week.Notes[^1], StringComparison.Ordinal);
    }

    [Theory]
    // Issue 16: 778.418(b) and (a)(4) test against the applicable minimum wage: the line's minimum_wage, else the one the
    // check is given (Agents:workforce:MinimumWage when set), else the federal $7.25. DERIVED: $500.00 in 40 hours is $12.50
    // an hour; 120 overtime pieces at $0.75 pay $90.00 for 6 hours.
    [InlineData(null, "7.25", null)]
    // $12.50 is under a $15.00 minimum wage on the line: not bona fide.
    [InlineData("15.00", "7.25", "778.418(b): the piece rate yields 12.50 an hour, less than the minimum wage 15.00, so it is not bona fide")]
    // A $10.50 minimum wage given to the check: 1.5 x $10.50 x 6 = $94.50 > $90.00.
    [InlineData(null, "10.50", "778.418(a)(4): the overtime hours pay 90.00, less than 1.5 x the minimum wage for 6 hours (94.50)")]
    // Boundary: $10.00 gives 1.5 x $10.00 x 6 = $90.00, exactly what the overtime pieces pay: the agreement holds; the line's wins.
    [InlineData("10.00", "10.50", null)]
    public void ForWeek_ApplicableMinimumWage_LineElseGivenElseFederal(string? lineWage, string givenWage, string? failure)
    {
        var line = Line("500.00", "120", 6m) with { MinimumWage = lineWage is null ? null : D(lineWage) };

        var week = AgreedPieceRateTools.ForWeek(Agreement("0.75"), line, 46m, [], FortySix(), D(givenWage));

        Assert.Equal(failure is null, week.Week is not null);
        Assert.Equal(failure, week.Notes.FirstOrDefault());
    }

    [Fact]
    public void ForWeek_California_IsNotSettledByTheAgreement()
    {
        var week = AgreedPieceRateTools.ForWeek(Agreement("0.75"), Line("500.00", "120", 6m), 46m, [], FortySix(OvertimeRule.California));

        Assert.Null(week.Week);
        Assert.StartsWith("the agreed overtime piece rate (29 CFR 778.418) is not applied to California", week.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ForWeek_NoOvertimeHours_TakesThePiecesAsPaid()
    {
        var forty = OvertimeTools.SplitWeek([10m, 10m, 10m, 10m, 0m, 0m, 0m], OvertimeRule.Federal, new DateOnly(2026, 11, 2));

        var week = AgreedPieceRateTools.ForWeek(Agreement("0.75"), Line("500.00", "0", 0m), 40m, [], forty);

        Assert.Equal((null, 500.00m, 0), (week.Week, week.PieceEarnings, week.Notes.Count));
    }

    [Fact]
    public void ForWeek_PiecesUnderTheHourlyGuarantee_FallsBackToTheGuarantee()
    {
        // $590.00 of pieces in 46 hours under a $14.00 guarantee (46 x 14 = $644.00): 778.111(b) pays the week.
        var week = AgreedPieceRateTools.ForWeek(Agreement("0.75", 14.00m), Line("500.00", "120", 6m), 46m, [], FortySix());

        Assert.Null(week.Week);
        Assert.StartsWith("the pieces fall short of the hourly guarantee", week.Notes[0], StringComparison.Ordinal);
    }
}
