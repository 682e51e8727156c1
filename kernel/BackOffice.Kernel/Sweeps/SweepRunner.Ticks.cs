using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;

namespace BackOffice.Kernel.Sweeps;

/// <summary>Issue 18: a run of a clustered tick records its results only while it still owns the tick.</summary>
public sealed partial class SweepRunner
{
    /// <summary>
    /// Issue 18: a run of a clustered tick that another host took over (Quartz recovered it while this host was cut off
    /// and kept sweeping) records nothing: checked in the write unit that would record its findings, so the check and
    /// the write commit together, and again when the run is marked succeeded.
    /// </summary>
    private static async Task EnsureOwnsTickAsync(DataUnit unit, TenantData data, string agent, long runId, CancellationToken cancellationToken)
    {
        if (await data.SweepRuns.SupersededByAsync(unit, runId, cancellationToken) is { } by)
        {
            throw new SweepSupersededException(data.Tenant, agent, runId, by);
        }
    }

    private static async Task FinishAsync(TenantData data, string agent, long runId, int findings, int created, CancellationToken cancellationToken)
    {
        if (await data.SweepRuns.FinishAsync(runId, findings, created, cancellationToken) is { } by)
        {
            throw new SweepSupersededException(data.Tenant, agent, runId, by);
        }
    }

    /// <summary>Ends a run another run of its tick took over as 'superseded' and says so in the log (its results are not recorded).</summary>
    private async Task DiscardAsync(SweepRunStore runs, string tenant, string agent, long runId, string holder, SweepSupersededException ex)
    {
        BackOfficeTelemetry.Sweeps.Add(1, new("agent", agent), new("outcome", "superseded"));
        await runs.SupersedeAsync(runId, ex.By, CancellationToken.None);
        LogSuperseded(tenant, agent, runId, holder, ex.By);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded run {RunId} of {Tenant}/{Agent} for {Tick}: run {By} of the same tick owns it (Quartz recovered the tick while this host was cut off), so this one is not recorded as its run")]
    private partial void LogSuperseded(string tenant, string agent, long runId, string tick, long by);
}
