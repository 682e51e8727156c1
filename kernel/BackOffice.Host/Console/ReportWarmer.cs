using BackOffice.Kernel.Hosting;
using BackOffice.Kernel.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: after a write, the report tables people last viewed are recomputed in the background, every
/// <see cref="ConsoleOptions.WarmSeconds"/>, so the first view after an import, a sync or a note reads a ready table
/// instead of computing the analysis of the whole books while the person waits. A failed pass is logged and retried
/// (<see cref="PollingService"/>); the pages then compute on demand as before.
/// </summary>
public sealed partial class ReportWarmer(ReportCache cache, IOptions<ConsoleOptions> options, TimeProvider clock, ILogger<ReportWarmer> logger)
    : PollingService(logger)
{
    protected override TimeProvider Clock => clock;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.WarmSeconds);

    public override Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.WarmSeconds == 0 ? Task.CompletedTask : base.StartAsync(cancellationToken);

    protected override async Task TickAsync(CancellationToken stoppingToken)
    {
        var computed = await cache.WarmAsync(stoppingToken);
        if (computed > 0)
        {
            LogWarmed(computed);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report cache warmed: {Computed} tables recomputed after a change")]
    private partial void LogWarmed(int computed);
}
