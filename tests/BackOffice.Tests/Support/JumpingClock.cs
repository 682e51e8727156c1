using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> on which every wait ends at once: a timer (Task.Delay through this clock) moves the
/// clock forward by its due time as it is created. Issue 14: a test of waiting for a rate-limit window then depends on
/// no real clock, so it cannot fail under load; whoever shares the clock (the loopback fake) sees the time move too.
/// </summary>
public sealed class JumpingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
        }

        return timer;
    }
}
