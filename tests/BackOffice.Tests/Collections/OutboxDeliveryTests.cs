using BackOffice.Kernel.Gate;
using BackOffice.Store.Collections;
using BackOffice.Store.Control;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Tests.Collections;

/// <summary>The outbox runner that `serve` hosts, driven with a manual clock. The store's claim is tested on both engines in OutboxStoreProviderTests.</summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private readonly CollectionsFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    private OutboxRequest Message(string key) => new(key, 1, "sms", "(555) 010-0142", null, "Invoice 1047 is past due.", "inv-1047", "text");

    [Fact]
    public async Task DeliverAll_EveryTenant_DeliversOnlyWhatIsDueOnceEach()
    {
        var data = new BackOffice.Store.Tenancy.DataDirectory(_f.Root);
        var source = new BackOffice.Store.Tenancy.TenantDataSource(data, _f.Clock);
        var tenants = new TenantRegistry(source, _f.Clock, _f.Audit);
        await tenants.CreateAsync("acme", "test", _ct);
        var store = _f.Path.Outbox;
        await store.EnqueueAsync(Message("k-early"), TimeSpan.FromMinutes(5), _ct);
        await store.EnqueueAsync(Message("k-late"), TimeSpan.FromMinutes(30), _ct);
        var service = new OutboxDeliveryService(tenants, source, _f.Outbox, _f.Clock, NullLogger<OutboxDeliveryService>.Instance);

        Assert.Equal(0, await service.DeliverAllAsync(_ct));
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await service.DeliverAllAsync(_ct));
        Assert.Equal(0, await service.DeliverAllAsync(_ct));
        _f.Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(1, await service.DeliverAllAsync(_ct));

        var files = Directory.GetFiles(data.TenantFilesFolder("acme", "outbox"), "*.eml").Select(Path.GetFileName).Order();
        Assert.Equal(["k-early.eml", "k-late.eml"], files);
        Assert.Contains("X-BackOffice-Channel: sms", File.ReadAllText(data.TenantFilesFolder("acme", "outbox") + "/k-early.eml"));
        Assert.All(await store.ListAsync(_ct), m => Assert.Equal(OutboxStates.Delivered, m.State));
    }
}
