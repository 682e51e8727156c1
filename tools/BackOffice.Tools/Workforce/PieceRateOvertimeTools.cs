using System.ComponentModel;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// Whether a week paid at an agreed overtime piece rate meets 29 CFR 778.418 (issue 16), and each condition it fails.
/// <paramref name="Complies"/>: no overtime is due beyond the overtime pieces; otherwise the week is owed overtime by
/// the regular-rate method of 778.111(a) (<see cref="PieceworkTools.Required"/>).
/// </summary>
public sealed record AgreedPieceOvertime(bool Complies, IReadOnlyList<string> Failures);

/// <summary>
/// Federal piece-rate rules beside the regular-rate method (issue 16). 29 CFR 778.111(b): a piece rate with a minimum
/// hourly guarantee pays the guarantee in a week whose piece earnings fall short of it, and the guarantee is then the
/// regular rate. 29 CFR 778.418 (FLSA section 7(g)(1)): an employee may agree in advance to be paid at least one and
/// one-half times the piece rate for each piece produced in overtime hours; no further overtime is due when the rate is
/// bona fide (the rate paid in nonovertime hours, yielding at least the minimum wage an hour), the overtime pieces are
/// paid for at least every hour over the maximum, and they pay at least 1.5 x the minimum wage for those hours.
/// Amounts are compared unrounded; nothing here rounds.
/// </summary>
public static class PieceRateOvertimeTools
{
    /// <summary>The federal minimum wage an hour (29 U.S.C. 206(a)(1)(C)).</summary>
    public const decimal FederalMinimumWage = 7.25m;

    [Description("29 CFR 778.111(b): a week's straight-time pay under a piece rate with a minimum hourly guarantee: the piece earnings, or the guaranteed rate x the hours it guarantees when the pieces fall short.")]
    public static decimal Guaranteed(
        [Description("The week's piece earnings, in dollars, e.g. 491.00")] decimal pieceEarnings,
        [Description("The hours the guarantee covers (productive hours), e.g. 46")] decimal guaranteedHours,
        [Description("The guaranteed hourly rate, in dollars, e.g. 11.00")] decimal guaranteedRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(guaranteedRate);
        return Math.Max(pieceEarnings, guaranteedRate * guaranteedHours);
    }

    [Description("29 CFR 778.418: whether an agreed overtime piece rate (at least 1.5x the piece rate for pieces made in overtime hours) satisfies the overtime requirement, and each condition it fails.")]
    public static AgreedPieceOvertime Agreed(
        [Description("The piece rate paid in nonovertime hours, per piece, e.g. 0.50")] decimal pieceRate,
        [Description("The agreed overtime piece rate, per piece, e.g. 0.75")] decimal overtimePieceRate,
        [Description("Piece earnings of the nonovertime hours, in dollars")] decimal nonovertimeEarnings,
        [Description("Nonovertime hours worked, e.g. 40")] decimal nonovertimeHours,
        [Description("Piece earnings of the overtime hours at the overtime piece rate, in dollars")] decimal overtimeEarnings,
        [Description("Hours paid at the overtime piece rate")] decimal overtimeHoursPaid,
        [Description("Hours worked over the maximum (40 a week)")] decimal hoursOverMaximum,
        [Description("The applicable minimum wage an hour, e.g. 7.25")] decimal minimumWage = FederalMinimumWage,
        [Description("True when the week has several piece rates and pieceRate is the one applicable to the work performed during the overtime hours (778.418(c))")] bool severalRates = false)
    {
        var failures = new List<string>();
        if (overtimePieceRate < 1.5m * pieceRate)
        {
            // Issue 16: 778.418(c) holds the agreed rate against "whichever straight time piece rate is applicable to the
            // work performed during the overtime hours", not the lowest of the week's rates.
            failures.Add(severalRates
                ? FormattableString.Invariant($"778.418(c): the overtime piece rate {overtimePieceRate} is less than 1.5 x the piece rate {pieceRate} applicable to the work performed during the overtime hours")
                : FormattableString.Invariant($"778.418(a): the overtime piece rate {overtimePieceRate} is less than 1.5 x the piece rate {pieceRate}"));
        }

        if (nonovertimeHours > 0m && nonovertimeEarnings < minimumWage * nonovertimeHours)
        {
            failures.Add(FormattableString.Invariant($"778.418(b): the piece rate yields {nonovertimeEarnings / nonovertimeHours:0.00} an hour, less than the minimum wage {minimumWage:0.00}, so it is not bona fide"));
        }

        if (overtimeHoursPaid < hoursOverMaximum)
        {
            failures.Add(FormattableString.Invariant($"778.418(a)(3): the overtime piece rate is paid for {overtimeHoursPaid} hours, fewer than the {hoursOverMaximum} hours over the maximum"));
        }

        if (overtimeEarnings < 1.5m * minimumWage * hoursOverMaximum)
        {
            failures.Add(FormattableString.Invariant($"778.418(a)(4): the overtime hours pay {overtimeEarnings:0.00}, less than 1.5 x the minimum wage for {hoursOverMaximum} hours ({1.5m * minimumWage * hoursOverMaximum:0.00})"));
        }

        return new AgreedPieceOvertime(failures.Count == 0, failures);
    }
}
