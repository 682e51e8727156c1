using BackOffice.Store.Collections;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the collections outbox on either engine. Queueing is idempotent on the key, cancel and the claim are
/// conditional on state 'queued', and on PostgreSQL the claim skips rows another host holds (FOR UPDATE SKIP LOCKED).
/// </summary>
public sealed class OutboxStoreProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static OutboxRequest Message(string key) => new(key, 1, "sms", "(555) 010-0142", null, "Invoice 1047 is past due.", "inv-1047", "text");

    [Theory]
    [StoreProviders]
    public async Task ClaimDue_ClaimedButNeverFinished_IsRetriedOnlyAfterTheClaimExpires(string provider)
    {
        var clock = new ManualClock();
        await using var engine = await StoreUnderTest.CreateAsync(provider, clock);
        var store = engine.Source.For("acme").Outbox;
        await store.EnqueueAsync(Message("k-1"), TimeSpan.Zero, Ct);

        Assert.Single(await store.ClaimDueAsync(TimeSpan.FromMinutes(5), 10, Ct));
        Assert.Empty(await store.ClaimDueAsync(TimeSpan.FromMinutes(5), 10, Ct));
        await Assert.ThrowsAsync<OutboxAlreadyDeliveredException>(() => store.CancelAsync("k-1", Ct));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await store.ClaimDueAsync(TimeSpan.FromMinutes(5), 10, Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task Enqueue_SameKeyTwiceThenCancel_OneMessageThenNone(string provider)
    {
        await using var engine = await StoreUnderTest.CreateAsync(provider, new ManualClock());
        var store = engine.Source.For("acme").Outbox;

        var first = await store.EnqueueAsync(Message("k-1"), TimeSpan.FromMinutes(15), Ct);
        var again = await store.EnqueueAsync(Message("k-1") with { Body = "another body" }, TimeSpan.Zero, Ct);
        await store.EnqueueAsync(Message("k-2"), TimeSpan.FromMinutes(15), Ct);
        await store.CancelAsync("k-1", Ct);

        Assert.Equal((first.Id, "Invoice 1047 is past due.", first.DeliverAfter), (again.Id, again.Body, again.DeliverAfter));
        Assert.Equal(["k-2"], (await store.ListAsync(Ct)).Select(m => m.IdempotencyKey));
        Assert.Null(await store.GetAsync("k-1", Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task ClaimDue_TwoHostsAtOnce_EveryMessageClaimedOnce(string provider)
    {
        var clock = new ManualClock();
        await using var engine = await StoreUnderTest.CreateAsync(provider, clock);
        var hosts = new[] { engine.Source.For("acme").Outbox, engine.SecondHost(clock).For("acme").Outbox };
        for (var i = 0; i < 40; i++)
        {
            await hosts[0].EnqueueAsync(Message($"k-{i:00}"), TimeSpan.Zero, Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() => hosts[w % 2].ClaimDueAsync(TimeSpan.FromMinutes(5), 7, Ct))));
        var rest = await hosts[1].ClaimDueAsync(TimeSpan.FromMinutes(5), 100, Ct);

        var claimed = claims.SelectMany(c => c).Concat(rest).Select(m => m.IdempotencyKey).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"k-{i:00}"), claimed.Order(StringComparer.Ordinal));
        Assert.All(await hosts[0].ListAsync(Ct), m => Assert.Equal(OutboxStates.Delivering, m.State));
    }
}
