using BackOffice.Domain.Ledger;
using BackOffice.Store.Bundle;
using BackOffice.Store.Findings;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the stores ported after the gate's, written to on either engine: the sandbox ledger (ids from its
/// sequence, a request id replayed writes once), the books' pinned date, and findings kept by key.
/// </summary>
public sealed class LedgerStoreProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<(StoreUnderTest Store, TenantData Tenant)> DemoAsync(string provider)
    {
        var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("demo");
        await new BundleImporter(TimeProvider.System).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, Ct);
        return (store, tenant);
    }

    [Theory]
    [StoreProviders]
    public async Task SandboxLedger_CreateReplayAndDelete_OneWritePerRequestAndIdsNeverReused(string provider)
    {
        var (store, tenant) = await DemoAsync(provider);
        await using var _ = store;
        var vendor = (await tenant.Ledger.VendorsAsync(Ct)).First(v => v.Active);
        var account = (await tenant.Ledger.AccountsAsync(Ct)).First(a => a.Active);
        var draft = new BillDraft(vendor.Id, new DateOnly(2026, 11, 20), null, "PG-1", null, [new BillLineDraft(account.Id, null, null, "Rebar", 100.25m)]);
        var ledger = new SandboxLedger(TimeProvider.System);

        var first = await ledger.CreateBillAsync(tenant, draft, "req-1", Ct);
        var replayed = await ledger.CreateBillAsync(tenant, draft with { DocNumber = "PG-9" }, "req-1", Ct);
        var second = await ledger.CreateBillAsync(tenant, draft with { DocNumber = "PG-2" }, "req-2", Ct);
        var held = await ledger.GetBillAsync(tenant, first.EntityId, Ct);
        await ledger.DeleteBillAsync(tenant, first.EntityId, held!.SyncToken, "req-3", Ct);
        var third = await ledger.CreateBillAsync(tenant, draft with { DocNumber = "PG-3" }, "req-4", Ct);

        Assert.Equal(("sbx-bill-1", "sbx-bill-1", "sbx-bill-2", "sbx-bill-3"), (first.EntityId, replayed.EntityId, second.EntityId, third.EntityId));
        var sandbox = (await tenant.Ledger.BillsAsync(Ct)).Where(b => b.Origin == "sandbox").Select(b => (b.Id, b.Total)).ToList();
        Assert.Equal([("sbx-bill-2", 100.25m), ("sbx-bill-3", 100.25m)], sandbox);
    }

    [Theory]
    [StoreProviders]
    public async Task BooksDate_PinnedTwice_ReadsTheLaterPin(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");

        var before = await tenant.BooksDate.PinnedAsync(Ct);
        await tenant.BooksDate.PinAsync(new DateOnly(2026, 11, 15), "test", Ct);
        await tenant.BooksDate.PinAsync(new DateOnly(2026, 12, 1), "test", Ct);

        Assert.Null(before);
        Assert.Equal(new DateOnly(2026, 12, 1), await tenant.BooksDate.PinnedAsync(Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task Findings_ReplacedBySweeps_KeepsOpenOnlyWhatTheLastSweepSaw(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("acme");
        static FindingStore.Upsert Finding(string key) => new(key, "financial", "check", "Warning", "t " + key, "{}", "n");

        var created = new List<int>();
        foreach (var sweep in new[] { new[] { "k-1", "k-2" }, ["k-2", "k-3"] })
        {
            await using var unit = await tenant.WriteAsync(Ct);
            created.Add(await tenant.Findings.ReplaceForAgentAsync(unit, "financial", sweep.Select(Finding).ToList(), Ct));
            await unit.CommitAsync(Ct);
        }

        var open = await FindingStore.ListOpenAsync(tenant, "financial", Ct);
        Assert.Equal([2, 1], created);
        Assert.Equal(["k-2", "k-3"], open.Select(f => f.Id).ToList());
    }
}
