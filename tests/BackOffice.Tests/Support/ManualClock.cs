using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Support;

/// <summary>
/// The test clock: Microsoft.Extensions.TimeProvider.Testing's <see cref="FakeTimeProvider"/> (issue 15: the hand-written
/// clock is gone), kept under this name with the suite's default start (2026-11-20 15:00 UTC) because many tests use it.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero))
    {
    }
}
