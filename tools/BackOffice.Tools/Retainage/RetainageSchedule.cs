namespace BackOffice.Tools.Retainage;

/// <summary>
/// One tier of a retainage schedule: <paramref name="Percent"/> applies up to <paramref name="UpToPercentComplete"/>
/// of the contract sum (null: to the end). "10% to 50% complete, then 5%" is [(50, 10), (null, 5)]; a cap at 30%
/// complete (JD Edwards "retainage completion") is [(30, 10), (null, 0)].
/// </summary>
public sealed record RetainageTier(decimal? UpToPercentComplete, decimal Percent);

/// <summary>How a change of percent over the life of a job reads (figures.md 2.3: contract wording decides).</summary>
public enum RetainageReading
{
    /// <summary>Each tier's percent applies to the work that falls in its band; retainage already held stays held.</summary>
    ByBand,

    /// <summary>The percent of the tier the job has reached applies to all work to date; reaching a lower tier releases the excess.</summary>
    OnWholeToDate,
}

/// <summary>A retainage schedule: its tiers in ascending order, the last open-ended, and how they are read.</summary>
public sealed record RetainageSchedule(IReadOnlyList<RetainageTier> Tiers, RetainageReading Reading)
{
    public static RetainageSchedule Flat(decimal percent) => new([new RetainageTier(null, percent)], RetainageReading.ByBand);

    /// <summary>Throws unless the tiers ascend, end open, and every percent is 0-100.</summary>
    public void Validate()
    {
        if (Tiers.Count == 0 || Tiers[^1].UpToPercentComplete is not null)
        {
            throw new ArgumentException("A retainage schedule needs tiers ending in an open-ended one (UpToPercentComplete null).", nameof(Tiers));
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (tier.Percent is < 0m or > 100m || tier.UpToPercentComplete is < 0m or > 100m
                || (i > 0 && tier.UpToPercentComplete is { } up && up <= Tiers[i - 1].UpToPercentComplete))
            {
                throw new ArgumentException($"Retainage tier {i + 1} is out of order or outside 0-100%.", nameof(Tiers));
            }
        }
    }
}
