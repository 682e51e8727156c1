using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Kernel.Memory;
using BackOffice.Kernel.Narration;
using BackOffice.Store.Audit;
using BackOffice.Store.Findings;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Logging;

namespace BackOffice.Kernel.Sweeps;

/// <summary>
/// Runs one agent over one tenant: takes the (tenant, agent) lease, lets the agent read and compute, records its
/// findings and the sweep in the audit chain in one transaction, and hands its proposals to the gate.
/// </summary>
/// <remarks>Every dependency is required (issue 12): a runner built without the configured narrator or memory is a
/// start-up error in the container, not a quiet fall-back to the offline narrator.</remarks>
public sealed partial class SweepRunner(
    IEnumerable<IAgent> agents, IProposalIntake proposalIntake, AuditStore audit, TenantDataSource tenants, ILogger<SweepRunner> logger,
    NarrationService narration, TenantMemoryFactory memoryFactory)
{
    private readonly NarrationService _narration = narration;
    private readonly TenantMemoryFactory _memoryFactory = memoryFactory;

    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(30);
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public IReadOnlyList<IAgent> Agents { get; } = agents.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();

    public IAgent Agent(string name) =>
        Agents.FirstOrDefault(a => a.Name == name) ?? throw new UnknownAgentException(name, Agents.Select(a => a.Name));

    /// <summary>A full sweep: the agent reads and computes everything, whatever changed.</summary>
    public Task<SweepOutcome> RunAsync(
        string tenant, string agentName, DateOnly asOf, string trigger, int attempt, IProgress<string> progress, CancellationToken cancellationToken) =>
        RunAsync(tenant, agentName, asOf, trigger, attempt, SweepMode.Full, progress, cancellationToken);

    /// <summary>
    /// A sweep in <paramref name="mode"/>: incremental (the scheduler, events, `sweep`) stops after reading the agent's
    /// mark when nothing it reads changed since (issue 18); full (`sweep --full`) always recomputes. Both move the mark.
    /// </summary>
    public Task<SweepOutcome> RunAsync(
        string tenant, string agentName, DateOnly asOf, string trigger, int attempt, SweepMode mode, IProgress<string> progress,
        CancellationToken cancellationToken) =>
        RunAsync(tenant, agentName, asOf, trigger, attempt, mode, _holder, progress, cancellationToken);

    /// <summary>
    /// A sweep under the lease <paramref name="holder"/>: Quartz's clustered jobs (issue 18) hold it as the tick they run,
    /// so the host that recovers a dead host's tick takes over its lease at once instead of waiting out the 30 minutes.
    /// </summary>
    public async Task<SweepOutcome> RunAsync(
        string tenant, string agentName, DateOnly asOf, string trigger, int attempt, SweepMode mode, string holder, IProgress<string> progress,
        CancellationToken cancellationToken)
    {
        var agent = Agent(agentName);
        var data = tenants.For(tenant);
        var runs = data.SweepRuns;
        if (!await runs.TryLeaseAsync(agent.Name, holder, LeaseLength, cancellationToken))
        {
            throw new SweepBusyException(tenant, agent.Name);
        }

        using var activity = StartActivity(tenant, agent.Name, mode);
        var started = Stopwatch.GetTimestamp();
        // Issue 18: a clustered tick (a holder other than this process) is kept on the run, so it can be counted and not redone.
        var runId = await runs.StartAsync(agent.Name, asOf, trigger, attempt, holder == _holder ? null : holder, cancellationToken);
        var superseded = false;
        try
        {
            return await SweepOrSkipAsync(data, agent, runId, asOf, mode, progress, cancellationToken);
        }
        catch (SweepSupersededException ex)
        {
            superseded = true;
            await DiscardAsync(runs, tenant, agent.Name, runId, holder, ex);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            BackOfficeTelemetry.Sweeps.Add(1, new("agent", agent.Name), new("outcome", "failed"));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await runs.FailAsync(runId, ex.Message, null, CancellationToken.None);
            throw;
        }
        finally
        {
            BackOfficeTelemetry.SweepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("agent", agent.Name));
            if (!superseded)
            {
                // A superseded run's holder (the tick) is the lease of the run that took it over: not this run's to release.
                await runs.ReleaseAsync(agent.Name, holder, CancellationToken.None);
            }
        }
    }

    private static Activity? StartActivity(string tenant, string agent, SweepMode mode)
    {
        var activity = BackOfficeTelemetry.Source.StartActivity("sweep");
        activity?.SetTag("tenant", tenant);
        activity?.SetTag("agent", agent);
        activity?.SetTag("mode", mode.ToString());
        return activity;
    }

    private async Task<SweepOutcome> SweepAsync(
        TenantData data, IAgent agent, long runId, DateOnly asOf, SweepMark mark, IReadOnlyList<JournalEntry>? changes, AsOfMove? moved,
        SweepMode mode, IProgress<string> progress, CancellationToken cancellationToken)
    {
        progress.Report($"{agent.Name}: sweeping {data.Tenant} as of {asOf:yyyy-MM-dd}");
        // Issue 18: the runner's own stages beside the agent's, so a sweep's progress shows where its time goes.
        var times = new StageTimes($"{agent.Name} run");
        var memory = await times.TimeAsync("memory", () => OpenMemoryAsync(data, cancellationToken));
        var raw = await times.TimeAsync("agent", () =>
            agent.SweepAsync(new SweepContext(data, asOf, progress, memory, changes, mark, mode == SweepMode.Incremental, moved), cancellationToken));
        // Issue 4: narration runs after the agent computed everything; it only replaces narratives, never figures. Kept
        // findings (issue 18) were narrated by the sweep that stored them.
        var (narrated, stats) = await times.TimeAsync("narration", () => _narration.NarrateAsync(data, agent.Name, raw, memory, cancellationToken));
        var result = narrated with { Findings = [.. narrated.Findings, .. raw.Kept], SaveState = raw.SaveState };
        await times.TimeAsync("record", async () =>
        {
            await RecordAsync(data, agent.Name, runId, asOf, result, stats, mark, cancellationToken);
            return true;
        });
        var intake = await times.TimeAsync("intake", () => proposalIntake.SubmitAsync(data, result.Proposals, cancellationToken));
        await FinishAsync(data, agent.Name, runId, result.Findings.Count, intake.Created, cancellationToken);
        progress.Report(times.ToString());
        BackOfficeTelemetry.Sweeps.Add(1, new("agent", agent.Name), new("outcome", "succeeded"));
        BackOfficeTelemetry.ProposalsCreated.Add(intake.Created, new KeyValuePair<string, object?>("agent", agent.Name));
        LogSwept(data.Tenant, agent.Name, result.Findings.Count, intake.Created);
        progress.Report($"{agent.Name}: {result.Findings.Count} findings, {intake.Created} new proposals ({intake.Unchanged} already proposed)");
        if (!_narration.Narrator.IsOffline)
        {
            progress.Report($"{agent.Name}: narration by {stats.Narrator}: {stats.ModelNarratives} new, {stats.Cached} cached, " +
                $"{stats.Rejected} rejected by the firewall, {stats.Fallbacks} fell back; {stats.TotalTokens} model tokens");
        }

        return new SweepOutcome(data.Tenant, agent.Name, runId, asOf, result.Findings, result.Proposals, intake, stats) { PerKey = raw.PerKey, PerKeyChecks = raw.PerKeyChecks, FromSnapshot = raw.FromSnapshot };
    }

    /// <summary>The tenant's memory, after learning from decisions made since the last sweep. Memory is help, not a dependency:
    /// if its store is unreachable (Qdrant answers gRPC errors, issue 15) the sweep runs without it (issue 4).</summary>
    private async Task<BackOffice.Domain.Memory.ITenantMemory?> OpenMemoryAsync(TenantData data, CancellationToken cancellationToken)
    {
        var opened = _memoryFactory.Open(data);
        try
        {
            var learned = await MemoryLearner.LearnAsync(data, opened, cancellationToken);
            LogMemoryLearned(data.Tenant, learned);
            return opened.Memory;
        }
        catch (Exception ex) when (ex is Grpc.Core.RpcException or HttpRequestException)
        {
            LogMemoryUnavailable(data.Tenant, ex.Message);
            return null;
        }
    }

    private async Task RecordAsync(
        TenantData data, string agent, long runId, DateOnly asOf, SweepResult result, NarrationStats narrationStats, SweepMark mark,
        CancellationToken cancellationToken)
    {
        var findings = data.Findings;
        await using var unit = await data.WriteAsync(cancellationToken);
        await EnsureOwnsTickAsync(unit, data, agent, runId, cancellationToken);
        var upserts = result.Findings.Select(f => new FindingStore.Upsert(
            f.Key, f.Agent, f.Check, f.Severity.ToString(), f.Title, JsonSerializer.Serialize(f.Figures, FigureJson.Options), f.Narrative)).ToList();
        var newFindings = await findings.ReplaceForAgentAsync(unit, agent, upserts, cancellationToken);
        await audit.AppendAsync(unit, $"agent:{agent}", "sweep.completed", $"sweep:{runId}", new JsonObject
        {
            ["agent"] = agent,
            ["asOf"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["findings"] = result.Findings.Count,
            ["newFindings"] = newFindings,
            ["proposalsDrafted"] = result.Proposals.Count,
            ["narration"] = narrationStats.ToJson(),
        }, cancellationToken);
        if (result.SaveState is { } save)
        {
            await save(unit, cancellationToken);
        }

        await data.SweepMarks.SaveAsync(unit, mark, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Memory of {Tenant} learned {Items} items from decisions since the last sweep")]
    private partial void LogMemoryLearned(string tenant, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Memory of {Tenant} is unavailable; sweeping without it: {Reason}")]
    private partial void LogMemoryUnavailable(string tenant, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Tenant}/{Agent}: {Findings} findings, {Created} new proposals")]
    private partial void LogSwept(string tenant, string agent, int findings, int created);
}
