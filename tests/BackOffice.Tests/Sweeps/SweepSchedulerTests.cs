using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Findings;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Sweeps;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Sweeps;

public sealed class SweepSchedulerTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
    private readonly ScriptedAgent _agent = new();

    public void Dispose() => _temp.Dispose();

    private SweepRunner Runner() =>
        SweepRunners.Offline([_agent], new CountingIntake(), new AuditStore(_clock), _temp.Source(_clock), _clock);

    private async Task<SweepScheduler> SchedulerAsync(SweepRunner runner)
    {
        var tenants = new TenantRegistry(_temp.Source(_clock), _clock, new AuditStore(_clock));
        await tenants.CreateAsync("acme", "test", CancellationToken.None);
        var agents = new AgentsOptions();
        agents.Agents["scripted"] = new AgentOptions { Schedule = "0 0 6 * * ?" };
        return new SweepScheduler(runner, tenants, _temp.Source(_clock), new AuditStore(_clock), _clock,
            Options.Create(new SchedulerOptions { MaxAttempts = 3, FirstRetrySeconds = 60 }), Options.Create(agents),
            NullLogger<SweepScheduler>.Instance);
    }

    private SweepRunStore Runs => _temp.Tenant("acme", _clock).SweepRuns;

    [Fact]
    public async Task RunDue_BeforeAndAfterCronTime_RunsOnlyWhenDueAndOnce()
    {
        var scheduler = await SchedulerAsync(Runner());
        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));
        Assert.Equal(2, _agent.Calls);
    }

    [Fact]
    public async Task RunDue_FailingSweep_RetriesWithDoublingBackoffThenGivesUpAndAudits()
    {
        _agent.FailWith = "ledger export unreadable";
        var scheduler = await SchedulerAsync(Runner());
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await scheduler.RunDueAsync(CancellationToken.None);
        var first = await Runs.LastAsync("scripted", CancellationToken.None);
        Assert.Equal(("failed", 1), (first!.Status, first.Attempt));
        Assert.NotNull(first.NextRetryAt);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await scheduler.RunDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await scheduler.RunDueAsync(CancellationToken.None));

        var last = await Runs.LastAsync("scripted", CancellationToken.None);
        Assert.Equal(("failed", 3, (string?)null), (last!.Status, last.Attempt, last.NextRetryAt));
        await using var connection = await _temp.Tenant("acme", _clock).OpenAsync(CancellationToken.None);
        var failures = (await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None)).Where(e => e.Kind == "sweep.failed").ToList();
        Assert.Equal(3, failures.Count);
        Assert.True(JsonNode.Parse(failures[^1].DataJson)!["gaveUp"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Run_WhileAnotherHolderHasTheLease_IsBusy()
    {
        await SchedulerAsync(Runner());
        Assert.True(await Runs.TryLeaseAsync("scripted", "other-host", TimeSpan.FromMinutes(5), CancellationToken.None));
        await Assert.ThrowsAsync<SweepBusyException>(() =>
            Runner().RunAsync("acme", "scripted", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(6));
        await Runner().RunAsync("acme", "scripted", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None);
    }

    [Fact]
    public async Task Run_FindingGone_IsResolvedOnTheNextSweep()
    {
        await SchedulerAsync(Runner());
        var path = _temp.Tenant("acme", _clock);
        await Runner().RunAsync("acme", "scripted", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None);
        Assert.Single(await FindingStore.ListOpenAsync(path, "scripted", CancellationToken.None));
        _agent.FindSomething = false;
        await Runner().RunAsync("acme", "scripted", new DateOnly(2026, 11, 21), "manual", 1, new Progress<string>(), CancellationToken.None);
        Assert.Empty(await FindingStore.ListOpenAsync(path, "scripted", CancellationToken.None));
    }

    [Fact]
    public void InvalidSchedules_BadCron_AreNamedWithTheirSetting()
    {
        var options = new AgentsOptions();
        options.Agents["financial"] = new AgentOptions { Schedule = "every morning" };
        Assert.Contains("Agents:financial:Schedule", Assert.Single(options.InvalidSchedules()));
    }

    private sealed class ScriptedAgent : IAgent
    {
        public int Calls { get; private set; }
        public string? FailWith { get; set; }
        public bool FindSomething { get; set; } = true;
        public string Name => "scripted";
        public string Department => "finance";

        public Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken)
        {
            Calls++;
            if (FailWith is not null)
            {
                throw new InvalidOperationException(FailWith);
            }

            IReadOnlyList<Finding> findings = FindSomething
                ? [new Finding("scripted:x", "scripted", "x", Severity.Warning, "Something", [], "Something is off.")]
                : [];
            return Task.FromResult(new SweepResult(findings, []));
        }
    }

    private sealed class CountingIntake : IProposalIntake
    {
        public Task<IntakeResult> SubmitAsync(BackOffice.Store.Tenancy.TenantData tenant, IReadOnlyList<ProposalDraft> drafts, CancellationToken cancellationToken) =>
            Task.FromResult(new IntakeResult(drafts.Count, 0));
    }
}
