using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.QuickBooks;

/// <summary>Issue 13: at most N requests in any minute per realm (Intuit's limits page: 500 a minute per realm), on the test clock.</summary>
public sealed class QuickBooksRequestWindowTests
{
    [Fact]
    public async Task WaitTurn_LimitReached_WaitsUntilTheOldestIsAMinuteOld()
    {
        var clock = new ManualClock();
        var window = new QuickBooksRequestWindow(2, clock);
        await window.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        await window.WaitTurnAsync(CancellationToken.None);

        var third = window.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(49));
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third;

        // The second request (second 10) is still in the window with the third (second 60): the fourth waits for second 70.
        var fourth = window.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await fourth;
        Assert.Equal(2, window.Waits);
    }

    [Fact]
    public async Task WaitTurn_UnderTheLimit_DoesNotWait()
    {
        var clock = new ManualClock();
        var window = new QuickBooksRequestWindow(500, clock);

        for (var i = 0; i < 500; i++)
        {
            Assert.True(window.WaitTurnAsync(CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.Equal(0, window.Waits);
        var next = window.WaitTurnAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await next;
    }
}
