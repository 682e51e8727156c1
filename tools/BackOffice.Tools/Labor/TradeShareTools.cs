using System.ComponentModel;
using BackOffice.Domain.Money;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Labor;

/// <summary>Hours an employee worked in one trade (issue 16), and the share of the employee's year's wages and burden it carries.</summary>
public sealed record TradeShare(string Trade, bool OwnTrade, decimal Hours, decimal Share);

/// <summary>
/// One employee's year split by the trade worked (issue 16: a carpenter who works a laborer's shift is burdened as a
/// laborer for it). Each clocked-out timecard counts in its own trade, or the employee's when it carries none; trades
/// match trimmed and in any case. Without timecards in another trade the employee's own trade has the whole year.
/// Shares stay unrounded; money is rounded where it is split (<see cref="Split"/>).
/// </summary>
public static class TradeShareTools
{
    [Description("An employee's clocked hours by trade worked (the timecard's trade, else the employee's), own trade first, each with its share of the hours.")]
    public static IReadOnlyList<TradeShare> HoursByTrade(
        [Description("The employee's timecards in the period")] IReadOnlyList<Timecard> timecards,
        [Description("The employee's own trade, e.g. Carpentry")] string employeeTrade)
    {
        var own = employeeTrade.Trim();
        var hours = timecards.Where(c => c.ClockOut is not null && c.ClockOut > c.ClockIn)
            .GroupBy(c => string.IsNullOrWhiteSpace(c.Trade) ? own : c.Trade.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Trade: g.Key, Own: string.Equals(g.Key, own, StringComparison.OrdinalIgnoreCase),
                Hours: g.Sum(c => (decimal)(c.ClockOut!.Value - c.ClockIn).Ticks / TimeSpan.TicksPerHour)))
            .OrderByDescending(t => t.Own).ThenBy(t => t.Trade, StringComparer.OrdinalIgnoreCase).ToList();
        var total = hours.Sum(h => h.Hours);
        if (total == 0m || hours.All(h => h.Own))
        {
            return [new TradeShare(own, true, total, 1m)];
        }

        return [.. hours.Select(h => new TradeShare(h.Own ? own : h.Trade, h.Own, h.Hours, h.Hours / total))];
    }

    [Description("Splits an amount over trade shares by hours without losing or inventing a cent (largest remainder), e.g. the year's wages.")]
    public static IReadOnlyList<decimal> Split(
        [Description("The amount, in dollars")] decimal amount,
        [Description("The employee's trade shares (HoursByTrade)")] IReadOnlyList<TradeShare> shares) =>
        shares.Count == 1 ? [amount] : MoneyMath.Allocate(amount, [.. shares.Select(s => s.Hours)]);
}
