using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Connectors;
using BackOffice.Store.Control;
using BackOffice.Store.Findings;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackOffice.Tests.Sweeps;

/// <summary>Issue 14: `serve` syncs connected systems on a cron per tenant and source, under the sweeps' lease rules.</summary>
public sealed class SyncSchedulerTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
    private readonly ScriptedSync _procore = new("procore");
    private readonly ScriptedSync _quickBooks = new("quickbooks");

    public void Dispose() => _temp.Dispose();

    private TenantData Acme => _temp.Tenant("acme", _clock);

    [Fact]
    public async Task RunDue_BeforeAndAfterTheCronTime_SyncsOnlyWhenDueAndOnce()
    {
        var scheduler = await SchedulerAsync(("procore", "0 0 6 * * ?"));

        Assert.Equal(0, await scheduler.RunDueAsync(Ct));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await scheduler.RunDueAsync(Ct));
        Assert.Equal(0, await scheduler.RunDueAsync(Ct));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await scheduler.RunDueAsync(Ct));

        Assert.Equal(2, _procore.Calls);
        Assert.Equal("succeeded", (await Acme.SweepRuns.LastAsync("sync:procore", Ct))!.Status);
    }

    [Fact]
    public async Task RunDue_FailedSync_OpensAnAdminFindingWithoutStoppingTheOtherAndAGoodSyncResolvesIt()
    {
        var scheduler = await SchedulerAsync(("procore", "0 0 6 * * ?"), ("quickbooks", "0 0 6 * * ?"));
        _procore.FailWith = "Procore answered 500 to /rest/v1.0/projects";
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.Equal(2, await scheduler.RunDueAsync(Ct));

        Assert.Equal(1, _quickBooks.Calls);
        var finding = Assert.Single(await FindingStore.ListOpenAsync(Acme, SyncScheduler.FindingAgent, Ct));
        Assert.Equal((SyncScheduler.FindingKey("procore"), "Warning"), (finding.Id, finding.Severity));
        Assert.Contains("Procore answered 500", finding.Narrative, StringComparison.Ordinal);
        Assert.Equal("failed", (await Acme.SweepRuns.LastAsync("sync:procore", Ct))!.Status);
        await using (var connection = await Acme.OpenAsync(Ct))
        {
            Assert.Single(await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), Ct), e => e.Kind == "sync.failed");
        }

        _procore.FailWith = null;
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await scheduler.RunDueAsync(Ct));
        Assert.Empty(await FindingStore.ListOpenAsync(Acme, SyncScheduler.FindingAgent, Ct));
    }

    [Fact]
    public async Task RunDue_LeaseHeldByAnotherProcess_DoesNotSync()
    {
        var scheduler = await SchedulerAsync(("procore", "0 0 6 * * ?"));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.True(await Acme.SweepRuns.TryLeaseAsync("sync:procore", "another-host", TimeSpan.FromHours(1), Ct));

        Assert.Equal(0, await scheduler.RunDueAsync(Ct));

        Assert.Equal(0, _procore.Calls);
    }

    [Theory]
    [InlineData("acme", "procore", "0 0 6 * * ?", null)]
    [InlineData("", "procore", "0 0 6 * * ?", "Sync:Schedules:0:Tenant is empty")]
    [InlineData("acme", "sage", "0 0 6 * * ?", "Sync:Schedules:0:Source 'sage' is not quickbooks or procore")]
    [InlineData("acme", "quickbooks", "every morning", "Sync:Schedules:0:Cron 'every morning' is not a valid cron expression (Quartz format: sec min hour day month weekday)")]
    public void Problems_EachEntry_NamesWhatIsWrong(string tenant, string source, string cron, string? expected)
    {
        var options = new SyncScheduleOptions { Schedules = [new SyncSchedule { Tenant = tenant, Source = source, Cron = cron }] };

        Assert.Equal(expected, options.Problems().SingleOrDefault());
    }

    private async Task<SyncScheduler> SchedulerAsync(params (string Source, string Cron)[] schedules)
    {
        await new TenantRegistry(_temp.Source(_clock), _clock, new AuditStore(_clock)).CreateAsync("acme", "test", Ct);
        var options = new SyncScheduleOptions { Schedules = [.. schedules.Select(s => new SyncSchedule { Tenant = "acme", Source = s.Source, Cron = s.Cron })] };
        return new SyncScheduler([_procore, _quickBooks], _temp.Source(_clock), new AuditStore(_clock), _clock,
            Options.Create(options), Options.Create(new SchedulerOptions()), NullLogger<SyncScheduler>.Instance);
    }

    private sealed class ScriptedSync(string source) : IScheduledSync
    {
        public string Source => source;

        public int Calls { get; private set; }

        public string? FailWith { get; set; }

        public Task<SyncReport> SyncAsync(TenantData tenant, CancellationToken cancellationToken)
        {
            Calls++;
            return FailWith is null
                ? Task.FromResult(new SyncReport("changes since", new Dictionary<string, SyncCounts>(), 3, TimeSpan.Zero))
                : throw new HttpRequestException(FailWith);
        }
    }
}
