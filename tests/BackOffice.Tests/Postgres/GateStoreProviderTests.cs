using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Collections;
using BackOffice.Store.Events;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the gate's stores (proposals, executions, switches, the audit chain, the event inbox, the outbox and
/// promises) behave the same on SQLite and on PostgreSQL. Each test runs once per engine; PostgreSQL runs when it is
/// reachable (CI installs it), and <see cref="PostgresAvailabilityTests"/> says so when it is not.
/// </summary>
public sealed class GateStoreProviderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    internal static NewProposal Draft(string key, string risk = "money") =>
        new("financial", "ledger.create-bill", "Draft bill " + key, risk, key, "{}", "[]", "Sub invoice has no bill.",
            "[]", Reversible: true, null, "finding:" + key, "agent:financial", "2026-11-27T10:00:00.000Z");

    internal static async Task<long> InsertAsync(TenantData tenant, string key, string risk = "money")
    {
        await using var unit = await tenant.WriteAsync(None);
        var id = await ProposalStore.InsertAsync(unit, Draft(key, risk), None);
        await unit.CommitAsync(None);
        return id;
    }

    [Theory]
    [StoreProviders]
    public async Task ProposalStore_InsertDecideClaimFinish_RoundTripsOnEitherEngine(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        var id = await InsertAsync(tenant, "fin:bill:1");

        await using (var unit = await tenant.WriteAsync(None))
        {
            Assert.True(await ProposalStore.DecideAsync(unit, id, "proposed", "approved", "lead@acme", "2026-11-27T10:01:00.000Z", null, None));
            Assert.False(await ProposalStore.DecideAsync(unit, id, "proposed", "rejected", "lead2@acme", "2026-11-27T10:01:00.000Z", null, None));
            Assert.True(await ProposalStore.ClaimExecutionAsync(unit, id, "approved", null, "host-a", "2026-11-27T10:06:00.000Z", None));
            await ProposalExecutionStore.StartAsync(unit, id, "fin:bill:1", "{}", "2026-11-27T10:01:00.000Z", "host-a", None);
            Assert.True(await ProposalStore.FinishExecutionAsync(unit, id, "executed", "sbx-1", "{}", null, None));
            await unit.CommitAsync(None);
        }

        await using var read = await tenant.ReadAsync(None);
        var row = await ProposalStore.GetAsync(read, id, None);
        Assert.Equal(("executed", "sbx-1", 1L, 4L), (row!.State, row.TargetId, row.Reversible, row.Version));
        Assert.True(await ProposalStore.KeyExistsAsync(read, "fin:bill:1", None));
        Assert.Single(await ProposalStore.ListAsync(read, new ProposalFilter(State: "executed"), None));
        Assert.Equal("host-a", (await ProposalExecutionStore.GetAsync(read, id, None))!.StartedBy);
    }

    [Theory]
    [StoreProviders]
    public async Task GateSettingsStore_SetTwice_KeepsTheLastValue(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        await using (var unit = await tenant.WriteAsync(None))
        {
            await GateSettingsStore.SetMasterAsync(unit, true, "admin", "t1", None);
            await GateSettingsStore.SetMasterAsync(unit, false, "admin", "t2", None);
            await GateSettingsStore.SetAgentAsync(unit, new AgentSettingsRow { Agent = "financial", WritesEnabled = 1, Mode = "auto" }, "admin", "t1", None);
            await unit.CommitAsync(None);
        }

        await using var read = await tenant.ReadAsync(None);
        Assert.False(await GateSettingsStore.GetMasterAsync(read, None));
        var agent = await GateSettingsStore.GetAgentAsync(read, "financial", None);
        Assert.Equal((1L, "auto"), (agent.WritesEnabled, agent.Mode));
    }

    [Theory]
    [StoreProviders]
    public async Task AuditStore_AppendsFromTwoHosts_FormOneUnbrokenChain(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var hosts = new[] { store.Source, store.SecondHost() };
        var audit = new AuditStore(TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            audit.AppendAloneAsync(hosts[i % 2].For("acme"), "tester", "test.event", $"s-{i}", new JsonObject { ["i"] = i }, None)));

        await using var read = await store.Source.For("acme").ReadAsync(None);
        var chain = await AuditStore.ReadAllAsync(read, None);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), chain.Select(e => e.Seq));
        // Issue 19: the chain is keyed on PostgreSQL too (the key is a file, outside either engine).
        Assert.Null(AuditVerifier.Verify(chain, null, read.AuditKey).Break);
        Assert.Equal(["s-7"], (await AuditStore.ReadAfterAsync(read, 0, ["test.event"], None)).Where(e => e.Subject == "s-7").Select(e => e.Subject));
    }

    [Theory]
    [StoreProviders]
    public async Task EventInbox_SameEventTwice_StoredOnceAndFinished(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        var inbox = new EventInbox(TimeProvider.System);
        var e = new InboundEvent("quickbooks", "realm-1", "evt-1", "Bill", "{}");

        Assert.True(await inbox.AddAsync(tenant, e, "financial", None));
        Assert.False(await inbox.AddAsync(tenant, e, "financial", None));
        var pending = await EventInbox.PendingAsync(tenant, None);
        await inbox.FinishAsync(tenant, pending.Select(p => p.Id).ToList(), null, None);

        Assert.Equal(["financial"], pending.Select(p => p.Agent));
        Assert.Empty(await EventInbox.PendingAsync(tenant, None));
    }

    [Theory]
    [StoreProviders]
    public async Task EventInbox_TwoHostsClaimingTogether_ClaimEachEventOnce_AndAnExpiredClaimAgain(string provider)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        await using var store = await StoreUnderTest.CreateAsync(provider, clock);
        var hosts = new[] { store.Source, store.SecondHost(clock) };
        var inbox = new EventInbox(clock);
        for (var i = 0; i < 30; i++)
        {
            await inbox.AddAsync(hosts[0].For("acme"), new InboundEvent("quickbooks", "realm-1", $"evt-{i}", "Bill", "{}"), "financial", None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => inbox.ClaimPendingAsync(hosts[i % 2].For("acme"), TimeSpan.FromMinutes(10), 5, None)));
        var nothingLeft = await inbox.ClaimPendingAsync(hosts[1].For("acme"), TimeSpan.FromMinutes(10), 100, None);
        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await inbox.ClaimPendingAsync(hosts[1].For("acme"), TimeSpan.FromMinutes(10), 100, None);

        var ids = claims.SelectMany(c => c).Select(r => r.Id).ToList();
        Assert.Equal((30, 30, 0, 30), (ids.Count, ids.Distinct().Count(), nothingLeft.Count, expired.Count));
    }

    [Theory]
    [StoreProviders]
    public async Task OutboxStore_TwoHostsClaimingTogether_ClaimEachMessageOnce(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var a = new OutboxStore(store.Source.For("acme"));
        var b = new OutboxStore(store.SecondHost().For("acme"));
        for (var i = 0; i < 30; i++)
        {
            await a.EnqueueAsync(new OutboxRequest($"k-{i}", i, "email", "ap@example.com", "Reminder", "Body", null, null), TimeSpan.Zero, None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).ClaimDueAsync(TimeSpan.FromMinutes(5), 5, None)));

        var ids = claims.SelectMany(c => c).Select(m => m.IdempotencyKey).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct().Count());
    }

    [Theory]
    [StoreProviders]
    public async Task ProposalStore_HundredConcurrentApprovalsAcrossTwoHosts_OneApproval(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var hosts = new[] { store.Source, store.SecondHost() };
        var id = await InsertAsync(store.Source.For("acme"), "fin:bill:race");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var unit = await hosts[i % 2].For("acme").WriteAsync(None);
            var won = await ProposalStore.DecideAsync(unit, id, "proposed", "approved", $"lead{i}@acme", "2026-11-27T10:01:00.000Z", null, None);
            await unit.CommitAsync(None);
            return won;
        }));

        Assert.Equal(1, results.Count(r => r));
        await using var read = await store.Source.For("acme").ReadAsync(None);
        Assert.Equal(2L, (await ProposalStore.GetAsync(read, id, None))!.Version);
    }

    /// <summary>
    /// Issue 18: the hundred approvals once exhausted a 10-connection pool under load, because every writer held a
    /// connection while it waited on the tenant's advisory lock. Writers now queue in their host first: on pools of
    /// two connections per host (smaller than the writers by 50 times), all 100 finish, none fails, one approves.
    /// </summary>
    [PostgresFact]
    public async Task PostgresWriters_HundredApprovalsOnPoolsOfTwo_QueueInTheHostAndOneApproves()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var temp = new TempDataDirectory();
        var hosts = new[] { new TenantDataSource(temp.Data, TimeProvider.System, database.Engine(2)), new TenantDataSource(temp.Data, TimeProvider.System, database.Engine(2)) };
        var id = await InsertAsync(hosts[0].For("acme"), "fin:bill:pool");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await using var unit = await hosts[i % 2].For("acme").WriteAsync(None);
            var won = await ProposalStore.DecideAsync(unit, id, "proposed", "approved", $"lead{i}@acme", "2026-11-27T10:01:00.000Z", null, None);
            await unit.CommitAsync(None);
            return won;
        }));

        Assert.Equal(1, results.Count(r => r));
        await using var read = await hosts[1].For("acme").ReadAsync(None);
        Assert.Equal(("approved", 2L), ((await ProposalStore.GetAsync(read, id, None))!.State, (await ProposalStore.GetAsync(read, id, None))!.Version));
    }

    [Theory]
    [StoreProviders]
    public async Task ProposalStore_ExpiredLeaseTakenOverByBothHosts_OnlyOneTakesIt(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var hosts = new[] { store.Source, store.SecondHost() };
        var id = await InsertAsync(store.Source.For("acme"), "fin:bill:lease");
        await using (var unit = await store.Source.For("acme").WriteAsync(None))
        {
            await ProposalStore.DecideAsync(unit, id, "proposed", "approved", "lead@acme", "t", null, None);
            await ProposalStore.ClaimExecutionAsync(unit, id, "approved", null, "dead-host", "2026-11-27T10:00:00.000Z", None);
            await unit.CommitAsync(None);
        }

        var takeovers = await Task.WhenAll(hosts.Select(async (host, i) =>
        {
            await using var unit = await host.For("acme").WriteAsync(None);
            var won = await ProposalStore.ClaimExecutionAsync(unit, id, "executing", "2026-11-27T10:00:00.000Z", $"host-{i}", "2026-11-27T10:10:00.000Z", None);
            await unit.CommitAsync(None);
            return won;
        }));

        Assert.Equal(1, takeovers.Count(t => t));
    }
}
