namespace BackOffice.Tests.Support;

/// <summary>A <see cref="TimeProvider"/> that only moves when a test moves it (the registry has no FakeTimeProvider).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
