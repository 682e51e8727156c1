using System.ComponentModel;
using BackOffice.Domain.Workforce;

namespace BackOffice.Tools.Workforce;

/// <summary>Something wrong with a punch. Kinds: missing-punch, overlap, no-job, unknown-job, closed-job, not-assigned.</summary>
public sealed record PunchIssue(string TimecardId, string Kind, string Detail);

/// <summary>An employee's clocked hours in one workweek: per day, per rate, and the punches that could not be trusted.</summary>
public sealed record WorkweekHours(DateOnly WeekStart, IReadOnlyList<decimal> DailyHours, IReadOnlyList<PaySegment> Segments, IReadOnlyList<PunchIssue> Issues)
{
    public decimal TotalHours => DailyHours.Sum();
}

/// <summary>Turns raw punches into hours per workday (issue 7).</summary>
public static class TimecardTools
{
    [Description("First day of the workweek that contains a date, for a tenant whose workweek starts on the given day.")]
    public static DateOnly WorkweekStart(
        [Description("Any date in the week, yyyy-MM-dd")] DateOnly date,
        [Description("The tenant's workweek start day, e.g. Monday")] DayOfWeek startDay) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)startDay + 7) % 7));

    [Description("One employee's clocked hours in a workweek: shifts split at midnight into calendar workdays, each hour at its shift's rate; open punches and overlapping punches are reported and not counted twice.")]
    public static WorkweekHours Workweek(
        [Description("The employee's timecards (any weeks; only the part inside this workweek counts)")] IReadOnlyList<Timecard> timecards,
        [Description("First day of the workweek, yyyy-MM-dd")] DateOnly weekStart,
        [Description("The employee's base hourly rate, used for shifts without a rate of their own")] decimal baseRate)
    {
        var from = weekStart.ToDateTime(TimeOnly.MinValue);
        var to = from.AddDays(7);
        var seconds = new long[7];
        var segments = new Dictionary<decimal, long>();
        var issues = new List<PunchIssue>();
        DateTime? coveredUntil = null;
        string? coveredBy = null;
        foreach (var card in timecards.OrderBy(c => c.ClockIn).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (card.ClockOut is not { } clockOut)
            {
                if (card.ClockIn >= from && card.ClockIn < to)
                {
                    issues.Add(new PunchIssue(card.Id, "missing-punch", FormattableString.Invariant($"clocked in {card.ClockIn:yyyy-MM-dd HH:mm} and never out")));
                }

                continue;
            }

            var start = card.ClockIn;
            if (coveredUntil is { } until && start < until)
            {
                if (clockOut > from && start < to)
                {
                    issues.Add(new PunchIssue(card.Id, "overlap", FormattableString.Invariant($"overlaps {coveredBy} until {until:yyyy-MM-dd HH:mm}; the overlap is counted once")));
                }

                start = until;
            }

            if (coveredUntil is null || clockOut > coveredUntil)
            {
                (coveredUntil, coveredBy) = (clockOut, card.Id);
            }

            AddSeconds(start, clockOut, from, to, seconds, segments, card.Rate ?? baseRate);
        }

        return new WorkweekHours(
            weekStart, seconds.Select(m => m / 3600m).ToArray(),
            segments.Where(s => s.Value > 0).OrderBy(s => s.Key).Select(s => new PaySegment(s.Value / 3600m, s.Key)).ToList(), issues);
    }

    /// <summary>Whole seconds (no floating point), split at each midnight, so a night shift counts on the days it was worked (a calendar workday).</summary>
    private static void AddSeconds(DateTime start, DateTime end, DateTime from, DateTime to, long[] seconds, Dictionary<decimal, long> segments, decimal rate)
    {
        var cursor = start < from ? from : start;
        var stop = end > to ? to : end;
        while (cursor < stop)
        {
            var midnight = cursor.Date.AddDays(1);
            var pieceEnd = midnight < stop ? midnight : stop;
            var piece = (pieceEnd - cursor).Ticks / TimeSpan.TicksPerSecond;
            seconds[(cursor.Date - from).Days] += piece;
            segments[rate] = segments.GetValueOrDefault(rate) + piece;
            cursor = pieceEnd;
        }
    }
}
