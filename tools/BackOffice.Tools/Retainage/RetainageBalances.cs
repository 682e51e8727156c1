using System.ComponentModel;

namespace BackOffice.Tools.Retainage;

/// <summary>
/// Retainage held (positive) or released (negative) on one date: <paramref name="Side"/> is "receivable" (owner) or
/// "payable" (subcontractor); <paramref name="Party"/> is the customer or vendor; <paramref name="CommitmentId"/> the
/// subcontract on the payable side.
/// </summary>
public sealed record RetainageMovement(string Side, string JobId, string Party, string? CommitmentId, DateOnly Date, decimal Amount);

/// <summary>A retainage balance by side, job, party and commitment, aged: <paramref name="Buckets"/>[i] holds what has been held for the i-th age band.</summary>
public sealed record RetainageBalance(string Side, string JobId, string Party, string? CommitmentId, decimal Balance, IReadOnlyList<decimal> Buckets);

/// <summary>
/// Retainage receivable and payable balances and their aging (issue 16). A release pays off the oldest retainage
/// first (first in, first out), so what remains is aged by the date it was held. No rounding: amounts are cents.
/// </summary>
public static class RetainageBalances
{
    [Description("Retainage receivable and payable balances per side, job, customer or vendor and commitment, aged by the date each amount was held (oldest released first).")]
    public static IReadOnlyList<RetainageBalance> Summarize(
        [Description("Retainage held (positive) and released (negative), each with its side, job, party, commitment and date")] IEnumerable<RetainageMovement> movements,
        [Description("Date the ages are counted to")] DateOnly asOf,
        [Description("Upper bounds in days of each age band but the last, ascending, e.g. 30, 60, 90 gives 0-30, 31-60, 61-90, over 90")] IReadOnlyList<int> bandEdges)
    {
        return movements.GroupBy(m => (m.Side, m.JobId, m.Party, m.CommitmentId))
            .OrderBy(g => g.Key.Side, StringComparer.Ordinal).ThenBy(g => g.Key.JobId, StringComparer.Ordinal).ThenBy(g => g.Key.Party, StringComparer.Ordinal)
            .Select(g =>
            {
                var open = Remaining(g.OrderBy(m => m.Date));
                var buckets = new decimal[bandEdges.Count + 1];
                foreach (var (date, amount) in open)
                {
                    var age = asOf.DayNumber - date.DayNumber;
                    buckets[Band(age, bandEdges)] += amount;
                }

                return new RetainageBalance(g.Key.Side, g.Key.JobId, g.Key.Party, g.Key.CommitmentId, open.Sum(o => o.Amount), buckets);
            }).ToList();
    }

    /// <summary>The first band whose upper bound the age does not pass; past the last bound, the open-ended band.</summary>
    private static int Band(int age, IReadOnlyList<int> bandEdges)
    {
        var band = 0;
        while (band < bandEdges.Count && age > bandEdges[band])
        {
            band++;
        }

        return band;
    }

    /// <summary>What is still held after releases consume the oldest holdings; a release beyond what is held goes negative on the last date.</summary>
    private static List<(DateOnly Date, decimal Amount)> Remaining(IEnumerable<RetainageMovement> ordered)
    {
        var held = new List<(DateOnly Date, decimal Amount)>();
        foreach (var movement in ordered)
        {
            if (movement.Amount >= 0m)
            {
                held.Add((movement.Date, movement.Amount));
                continue;
            }

            var release = -movement.Amount;
            while (release > 0m && held.Count > 0)
            {
                var take = Math.Min(release, held[0].Amount);
                release -= take;
                held[0] = (held[0].Date, held[0].Amount - take);
                if (held[0].Amount == 0m)
                {
                    held.RemoveAt(0);
                }
            }

            if (release > 0m)
            {
                held.Add((movement.Date, -release));
            }
        }

        return held;
    }
}
