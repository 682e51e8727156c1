using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: `serve` takes a lease per tenant and agent before a scheduled sweep; with sweep_leases on PostgreSQL the
/// lease holds across hosts. Two hosts (two engines, two pools) race for the same tick on 20 tenants: each tenant's
/// sweep is leased by exactly one of them, and once released the next tick can be taken by either.
/// </summary>
public sealed class SweepLeaseAcrossHostsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task TryLease_TwoHostsSameTickOn20Tenants_EachTenantLeasedOnce(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var hosts = new[] { store.Source, store.SecondHost() };
        var tenants = Enumerable.Range(1, 20).Select(i => $"t{i:00}").ToList();

        var attempts = tenants.SelectMany(t => Enumerable.Range(0, hosts.Length).Select(async h =>
            (Tenant: t, Taken: await hosts[h].For(t).SweepRuns.TryLeaseAsync("financial", $"host-{h}", TimeSpan.FromMinutes(5), Ct))));
        var results = await Task.WhenAll(attempts);

        Assert.All(tenants, t => Assert.Equal(1, results.Count(r => r.Tenant == t && r.Taken)));
    }

    [Theory]
    [StoreProviders]
    public async Task TryLease_HeldByOneHost_OtherHostRefusedUntilReleased(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var first = store.Source.For("acme").SweepRuns;
        var second = store.SecondHost().For("acme").SweepRuns;

        var taken = await first.TryLeaseAsync("financial", "host-0", TimeSpan.FromMinutes(5), Ct);
        var refused = await second.TryLeaseAsync("financial", "host-1", TimeSpan.FromMinutes(5), Ct);
        await first.ReleaseAsync("financial", "host-0", Ct);
        var afterRelease = await second.TryLeaseAsync("financial", "host-1", TimeSpan.FromMinutes(5), Ct);

        Assert.Equal((true, false, true), (taken, refused, afterRelease));
    }
}
