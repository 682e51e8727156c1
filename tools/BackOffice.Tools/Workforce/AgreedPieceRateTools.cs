using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>
/// A week under an agreed overtime piece rate (issue 16): <paramref name="Week"/> when 29 CFR 778.418 settles the week's
/// overtime; otherwise null, with <paramref name="PieceEarnings"/> the piece earnings the regular-rate method of 778.111(a)
/// takes and <paramref name="Notes"/> each reason the agreed rate was not applied.
/// </summary>
public sealed record AgreedPieceWeek(RequiredPay? Week, decimal PieceEarnings, IReadOnlyList<string> Notes);

/// <summary>
/// 29 CFR 778.418 (FLSA section 7(g)(1)) in the payroll check (issue 16). A pieceworker who agreed in advance to be paid
/// at least one and one-half times the piece rate "for each piece produced during the overtime hours" is owed "no
/// additional overtime pay" when the conditions of 778.418(a)(1)-(4) and (b) hold (PieceRateOvertimeTools.Agreed): the
/// week then requires the nonovertime hours' pieces plus the overtime pieces at the agreed rate, rounded once to the cent.
/// The section covers piece rates only and the federal workweek, so a week with hours at other rates, a bonus, a
/// shortfall under an hourly guarantee (778.111(b)) or California's daily overtime is checked by the regular rate of
/// 778.111(a), as is a week failing a condition. Then an agreed rate of at least 1.5x the piece rate is a premium for
/// overtime work (FLSA section 7(e)(7)), kept out of the regular rate and credited against the overtime owed (section
/// 7(h)(2)), so the overtime pieces enter at the piece rate; a lower agreed rate is not such a premium, and they enter
/// at what they paid (DERIVED reading of sections 7(e)(7) and 7(h)(2); 778.418 prints no figures).
/// Several piece rates in one week (778.418(c)): a pieceworker "at two or more kinds of work for which different straight
/// time piece rates have been established" must be paid not less than 1.5x "whichever straight time piece rate is
/// applicable to the work performed during the overtime hours"; the payroll line then names that rate and what its overtime
/// pieces paid (PayrollLine.PieceRate, OvertimePieceRate). The week's regular rate when the agreement does not settle it is
/// 778.111(a)'s total straight-time earnings from all the piece rates over all hours worked. The bona fide test of (b) is
/// made on the nonovertime hours' earnings at all the rates together: the payroll line does not split hours by rate.
/// </summary>
public static class AgreedPieceRateTools
{
    /// <summary>The rule the payroll check names.</summary>
    public const string AgreedRule = "agreed overtime piece rate, 29 CFR 778.418";

    /// <summary>The rule named when the line gives the piece rate of the overtime work among several (778.418(c)).</summary>
    public const string SeveralRatesRule = "agreed overtime piece rate of the overtime work, 29 CFR 778.418(c)";

    [Description("29 CFR 778.418: the pay a week requires when an agreed overtime piece rate settles its overtime: the nonovertime hours' piece earnings plus each piece produced in overtime hours at the agreed rate, no further overtime; rounded once, to the cent.")]
    public static RequiredPay Required(
        [Description("Piece earnings of the nonovertime hours, at the piece rate, in dollars, e.g. 500.00")] decimal pieceEarnings,
        [Description("Nonovertime hours worked, e.g. 40")] decimal nonovertimeHours,
        [Description("Pieces produced in overtime hours, e.g. 120")] decimal overtimePieces,
        [Description("The agreed overtime piece rate, per piece, e.g. 0.75")] decimal overtimePieceRate,
        [Description("Hours worked over 40 in the week, e.g. 6")] decimal overtimeHours)
    {
        if (nonovertimeHours <= 0m)
        {
            throw new ArgumentException("An agreed overtime piece rate needs nonovertime hours to rate the piece rate against.", nameof(nonovertimeHours));
        }

        var overtimePay = overtimePieces * overtimePieceRate;
        // The regular rate shown is the nonovertime hours' average (the bona fide test of 778.418(b)); the overtime rate
        // shown is what the overtime pieces paid an hour. The week's total is the one rounding point.
        return new RequiredPay(nonovertimeHours + overtimeHours, pieceEarnings, 0m, pieceEarnings / nonovertimeHours, overtimePay, 0m,
            MoneyMath.RoundToCent(pieceEarnings + overtimePay), AgreedRule,
            OvertimeRate: overtimeHours > 0m ? MoneyMath.RoundToCent(overtimePay / overtimeHours) : null);
    }

    [Description("A piece-rate week whose employee agreed an overtime piece rate (29 CFR 778.418): the week's required pay when the agreement settles the overtime, else the piece earnings for the regular-rate method and why the agreed rate was not applied.")]
    public static AgreedPieceWeek ForWeek(
        [Description("The employee's piece-rate pay, with PieceRate and OvertimePieceRate set")] PieceworkPay pay,
        [Description("The payroll line: PieceEarnings (nonovertime pieces), OvertimePieces, the overtime hours it pays")] PayrollLine line,
        [Description("Hours the pieces pay (clocked at the base rate)")] decimal pieceHours,
        [Description("Hours paid by the hour on top (waiting time, other work)")] IReadOnlyList<PaySegment> otherHours,
        [Description("The week's split into regular, overtime and double-time hours")] OvertimeSplit split,
        [Description("The minimum wage an hour 778.418(b) and (a)(4) test against when the line states none (its minimum_wage wins), e.g. 7.25")] decimal minimumWage = PieceRateOvertimeTools.FederalMinimumWage)
    {
        // Issue 16, 778.418(c): a line at several kinds of work names the straight-time rate of the overtime work and
        // what its overtime pieces paid; they replace the employee's pair for the week.
        var severalRates = line.PieceRate is not null;
        var pieceRate = line.PieceRate ?? pay.PieceRate ?? throw new ArgumentException("An agreed overtime piece rate needs the piece rate.", nameof(pay));
        var agreed = line.OvertimePieceRate ?? pay.OvertimePieceRate ?? throw new ArgumentException("No agreed overtime piece rate.", nameof(pay));
        var nonovertime = line.PieceEarnings ?? throw new ArgumentException("The line states no piece earnings.", nameof(line));
        var overtimePieces = line.OvertimePieces ?? 0m;
        var asPaid = nonovertime + overtimePieces * agreed;
        if (split.OvertimeHours + split.DoubleTimeHours == 0m)
        {
            return new AgreedPieceWeek(null, asPaid, []);
        }

        var notApplied = NotAppliedBecause(pay, asPaid, pieceHours, otherHours, line.Bonus, split);
        IReadOnlyList<string> failures = notApplied is not null ? [notApplied]
            : PieceRateOvertimeTools.Agreed(pieceRate, agreed, nonovertime, split.RegularHours, overtimePieces * agreed, line.OvertimeHours, split.OvertimeHours,
                line.MinimumWage ?? minimumWage, severalRates).Failures;
        if (failures.Count == 0)
        {
            var settled = Required(nonovertime, split.RegularHours, overtimePieces, agreed, split.OvertimeHours);
            return new AgreedPieceWeek(severalRates ? settled with { Rule = SeveralRatesRule } : settled, asPaid, []);
        }

        var premium = agreed >= 1.5m * pieceRate;
        var earnings = premium ? nonovertime + overtimePieces * pieceRate : asPaid;
        var how = premium
            ? "checked by the regular rate of 29 CFR 778.111(a), the overtime pieces at the piece rate and their extra pay credited as an overtime premium (FLSA 7(e)(7), 7(h)(2))"
            : "checked by the regular rate of 29 CFR 778.111(a), the overtime pieces at what they paid";
        return new AgreedPieceWeek(null, earnings, [.. failures, how]);
    }

    /// <summary>What 778.418 does not cover in this week, or null: it covers piece rates in the federal workweek only.</summary>
    private static string? NotAppliedBecause(
        PieceworkPay pay, decimal pieces, decimal pieceHours, IReadOnlyList<PaySegment> otherHours, decimal bonus, OvertimeSplit split) =>
        split.Rule == OvertimeRule.California ? "the agreed overtime piece rate (29 CFR 778.418) is not applied to California's daily and weekly overtime"
        : otherHours.Count > 0 ? "the agreed overtime piece rate (29 CFR 778.418) pays pieces only, and the week has hours at other rates"
        : bonus != 0m ? "the agreed overtime piece rate (29 CFR 778.418) pays pieces only, and the week has a bonus"
        : pay.GuaranteedRate is { } g && g * pieceHours > pieces ? "the pieces fall short of the hourly guarantee (29 CFR 778.111(b)), so the piece rate did not pay the week"
        : null;
}
