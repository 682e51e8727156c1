using BackOffice.Domain.Workforce;
using BackOffice.Tools.Workforce;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: piece-rate rules beside 778.111(a): the minimum hourly guarantee (29 CFR 778.111(b)), the agreed overtime
/// piece rate (29 CFR 778.418) and California's rest and recovery period pay (Labor Code 226.2).
/// </summary>
public sealed class PieceRateRulesTests
{
    /// <summary>As payroll-check shows the rate and the overtime due: to the cent (the week's total is the rounding point).</summary>
    private static decimal Cent(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // PUBLISHED 29 CFR 778.111(b) (law.cornell.edu/cfr/text/29/778.111): guaranteed $11 an hour for productive time, the
    // employee "would be paid $506 (46 hours at $11) ... (instead of the $491 earned at piece rates)"; in a week without
    // waiting time, 6 overtime hours at $5.50 (half time) bring the total to $539 (40 at $11 plus 6 at $16.50).
    [InlineData("491.00", "11.00", "506.00", "11.00", "33.00", "539.00")]
    // DERIVED: a guarantee the pieces beat ($10 x 46 = $460 < $491) leaves 778.111(a): $491 / 46 = $10.6739...; 6 x half of
    // it = $32.0217...; $491 + $32.02 = $523.02 (rounded once on the week).
    [InlineData("491.00", "10.00", "491.00", "10.67", "32.02", "523.02")]
    public void Guaranteed_778111b_PaysTheGuaranteeWhenPiecesFallShort(
        string pieces, string guarantee, string straightTime, string regularRate, string overtimeDue, string total)
    {
        var straight = PieceRateOvertimeTools.Guaranteed(D(pieces), 46m, D(guarantee));

        var week = PieceworkTools.Required(straight, 46m, [], 0m, 6m, 0m, PayBasis.PieceRate);

        Assert.Equal(D(straightTime), straight);
        Assert.Equal((D(regularRate), D(overtimeDue), D(total)), (Cent(week.RegularRate), Cent(week.OvertimeDue), week.Total));
    }

    [Theory]
    // DERIVED from 29 CFR 778.418 (it prints no figures) with the federal minimum wage of $7.25: 1,000 pieces at $0.50 in
    // 40 hours ($500.00, $12.50 an hour: bona fide); 6 hours over 40 paid at $0.75 a piece for 120 pieces = $90.00, at
    // least 1.5 x $7.25 x 6 = $65.25. Each row breaks one condition.
    [InlineData("0.75", "500.00", "90.00", "6", null)]
    [InlineData("0.70", "500.00", "84.00", "6", "778.418(a): the overtime piece rate 0.70 is less than 1.5 x the piece rate 0.50")]
    [InlineData("0.75", "250.00", "90.00", "6", "778.418(b): the piece rate yields 6.25 an hour, less than the minimum wage 7.25, so it is not bona fide")]
    [InlineData("0.75", "500.00", "75.00", "5", "778.418(a)(3): the overtime piece rate is paid for 5 hours, fewer than the 6 hours over the maximum")]
    [InlineData("0.75", "500.00", "45.00", "6", "778.418(a)(4): the overtime hours pay 45.00, less than 1.5 x the minimum wage for 6 hours (65.25)")]
    public void Agreed_778418Conditions_ComplyOrNameTheFailure(string overtimeRate, string straightPieces, string overtimePieces, string hoursPaid, string? failure)
    {
        var check = PieceRateOvertimeTools.Agreed(0.50m, D(overtimeRate), D(straightPieces), 40m, D(overtimePieces), D(hoursPaid), 6m);

        Assert.Equal(failure is null, check.Complies);
        Assert.Equal(failure is null ? [] : [failure], check.Failures);
    }

    [Theory]
    // PUBLISHED DIR, "AB 1513 Piece-Rate Compensation - FAQs" (dir.ca.gov/pieceratebackpayelection/AB_1513_FAQs.htm),
    // example 1: 40 hours, two 10-minute rests a day for 5 days = 1.67 hours, $500 of piece-rate compensation:
    // $500 / 38.33 = $13.04 an hour x 1.67 = $21.78 for the rest periods ($521.78 for the week). The FAQ's minimum wage
    // is $10.00 (its second example), under the average.
    [InlineData("500.00", "1.67", "10.00", "13.04", "13.04", "21.78")]
    // PUBLISHED DLSE example (CalChamber Alert, 19 June 2015, "How to Calculate Rest Break Payment for Piece-Rate
    // Workers", before section 226.2 codified it; California minimum wage then $9.00): $600, 40 hours, 1.667 hours of rests: $600 / 38.333 = $15.65 an hour x 1.667 = $26.09 ($626.09).
    [InlineData("600.00", "1.667", "9.00", "15.65", "15.65", "26.09")]
    // DERIVED: $300 of pieces in the same week averages $300 / 38.33 = $7.83, under California's 2026 minimum wage of
    // $16.90 (DIR), which then pays the rests: $16.90 x 1.67 = $28.223 -> $28.22.
    [InlineData("300.00", "1.67", "16.90", "7.83", "16.90", "28.22")]
    public void RestPeriods_2262_PayAtTheAverageHourlyRateOrTheMinimumWage(
        string compensation, string restHours, string minimumWage, string average, string rate, string pay)
    {
        var rest = CaliforniaPieceRateTools.RestPeriods(D(compensation), 40m, D(restHours), D(minimumWage));

        Assert.Equal((D(average), D(rate), D(pay)), (rest.AverageHourlyRate, rest.Rate, rest.Pay));
        Assert.Equal(D(rate) > D(average), rest.AtMinimumWage);
    }

    [Theory]
    // Brinker Restaurant Corp. v. Superior Court (2012) 53 Cal.4th 1004, 1029: 10 minutes for 3.5 to 6 hours, 20 for more
    // than 6 up to 10, 30 for more than 10 up to 14; none under 3.5 hours.
    [InlineData("3.4", 0)]
    [InlineData("3.5", 10)]
    [InlineData("6", 10)]
    [InlineData("6.5", 20)]
    [InlineData("10", 20)]
    [InlineData("10.5", 30)]
    [InlineData("14", 30)]
    [InlineData("14.5", 40)]
    public void RestHoursForDay_Brinker_GivesTenMinutesPerFourHoursOrMajorFraction(string hours, int minutes) =>
        Assert.Equal(minutes / 60m, CaliforniaPieceRateTools.RestHoursForDay(D(hours)));

    [Fact]
    public void RestPeriods_RestsNotFewerThanHoursWorked_Throws() =>
        Assert.Throws<ArgumentException>(() => CaliforniaPieceRateTools.RestPeriods(100m, 2m, 2m, 16.90m));
}
