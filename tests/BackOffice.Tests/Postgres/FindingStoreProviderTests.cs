using BackOffice.Store.Findings;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: on PostgreSQL a sweep's findings are upserted in one statement, on SQLite one by one. Both keep a key
/// listed twice as its last listing, resolve what a sweep no longer sees, and restart the first sighting of a
/// finding that comes back after it was resolved.
/// </summary>
public sealed class FindingStoreProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task ReplaceForAgentAsync_KeyTwiceThenGoneThenBack_LastListingKeptAndFirstSeenRestarted(string provider)
    {
        var clock = new ManualClock();
        await using var store = await StoreUnderTest.CreateAsync(provider, clock);
        var tenant = store.Source.For("demo");
        var findings = new FindingStore(clock);
        var created = await ReplaceAsync(tenant, findings, [Finding("a", "first"), Finding("b", "only"), Finding("a", "second")]);
        var first = (await FindingStore.ListOpenAsync(tenant, "financial", Ct)).Single(f => f.Id == "a");
        clock.Advance(TimeSpan.FromDays(1));
        await ReplaceAsync(tenant, findings, [Finding("b", "only")]);
        var whileGone = await FindingStore.ListOpenAsync(tenant, "financial", Ct);
        clock.Advance(TimeSpan.FromDays(1));
        await ReplaceAsync(tenant, findings, [Finding("a", "third"), Finding("b", "only")]);

        var open = await FindingStore.ListOpenAsync(tenant, "financial", Ct);
        Assert.Equal(2, created);
        Assert.Equal("second", first.Title);
        Assert.Equal(new[] { "b" }, whileGone.Select(f => f.Id));
        var a = open.Single(f => f.Id == "a");
        Assert.Equal("third", a.Title);
        Assert.NotEqual(first.FirstSeenAt, a.FirstSeenAt);
        Assert.Equal(a.LastSeenAt, a.FirstSeenAt);
    }

    private static async Task<int> ReplaceAsync(Store.Tenancy.TenantData tenant, FindingStore findings, IReadOnlyList<FindingStore.Upsert> upserts)
    {
        await using var unit = await tenant.OpenUnitAsync(write: true, Ct);
        var created = await findings.ReplaceForAgentAsync(unit, "financial", upserts, Ct);
        await unit.CommitAsync(Ct);
        return created;
    }

    private static FindingStore.Upsert Finding(string key, string title) =>
        new(key, "financial", "check", "Warning", title, "{}", "narrative");
}
