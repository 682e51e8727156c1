namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// Intuit's 500 requests a minute per realm ([limits page]: developer.intuit.com "Limits and throttles"; qbo.md
/// section 8), kept on our side (issue 13): before a request is sent, if the realm already sent the limit within the
/// last 60 seconds, it waits until the oldest of them is a minute old instead of spending a 429 and its 60-second wait.
/// Per process: a CLI sync and `serve` running at once each keep their own window, and a 429 is still waited out.
/// </summary>
public sealed class QuickBooksRequestWindow(int perMinute, TimeProvider clock)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>How many times a request had to wait for the window (a figure for the sync report and the benchmark).</summary>
    public int Waits { get; private set; }

    /// <summary>Returns when a request may be sent, counting it as sent.</summary>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_sent)
            {
                var now = clock.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Minute)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < perMinute)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = _sent.Peek() + Minute - now;
                Waits++;
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
