namespace BackOffice.Store.Connectors;

/// <summary>What one sync did: per entity read/added/changed/deleted, the API requests it used and how long it took.</summary>
public sealed record SyncReport(
    string Mode, IReadOnlyDictionary<string, SyncCounts> Entities, long Requests, TimeSpan Elapsed, long Pages = 0, long RateLimitWaits = 0)
{
    public SyncCounts Total => Entities.Values.Aggregate(SyncCounts.Zero, (a, b) => a.Plus(b));
}

/// <summary>Counts of one applied batch.</summary>
public sealed record SyncCounts(int Read, int Added, int Changed, int Deleted)
{
    public static SyncCounts Zero { get; } = new(0, 0, 0, 0);

    public SyncCounts Plus(SyncCounts other) =>
        new(Read + other.Read, Added + other.Added, Changed + other.Changed, Deleted + other.Deleted);

    public SyncCounts Plus(SyncOutcome outcome) => Plus(new SyncCounts(
        1, outcome == SyncOutcome.Added ? 1 : 0, outcome == SyncOutcome.Changed ? 1 : 0, outcome == SyncOutcome.Deleted ? 1 : 0));
}

/// <summary>What applying one source record did to the canonical tables.</summary>
public enum SyncOutcome
{
    Unchanged,
    Added,
    Changed,
    Deleted,
}
