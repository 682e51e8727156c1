using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Kernel.Hosting;

/// <summary>
/// A background loop of `serve` that must outlive its failures (issue 17): in .NET an exception out of a
/// <see cref="BackgroundService"/> stops the whole host by default, and the outbox's delivery once stopped `serve` on
/// a "tenant busy" (a locked database during an import). Each tick runs in a guard: a failure is logged, the next tick
/// comes after a backoff (1 s, doubling, at most <see cref="MaxBackoff"/>), and a good tick returns to the usual
/// interval. Every background service of the host derives from this (HostedServiceTests checks it).
/// </summary>
public abstract partial class PollingService(ILogger logger) : BackgroundService
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>The clock the waits run on (injected in the derived service, so tests move it).</summary>
    protected abstract TimeProvider Clock { get; }

    /// <summary>How long to wait between good ticks.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass of the loop's work.</summary>
    protected abstract Task TickAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Any failure of one pass (a busy tenant, an unreachable server, a bug in one tenant's data) must not
                // end the host: the other loops and the API keep serving, and this loop tries again.
                failures++;
                LogTickFailed(GetType().Name, failures, Backoff(failures), e);
            }

            await Task.Delay(failures == 0 ? Interval : Backoff(failures), Clock, stoppingToken);
        }
    }

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row: 1 s, 2 s, 4 s... at most five minutes.</summary>
    public static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 20)));

    [LoggerMessage(Level = LogLevel.Error, Message = "{Service}: a pass failed ({Failures} in a row); trying again in {Backoff}")]
    private partial void LogTickFailed(string service, int failures, TimeSpan backoff, Exception error);
}
