using BackOffice.Domain.Ledger;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Reports;
using BackOffice.Store.Bundle;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 17: the report cache on either engine. PostgreSQL has no `data_version`; its stamp is the change journal's
/// last sequence, the `sweep_inputs` counter and the audit chain read in one query, so the console caches there too:
/// a table is reused until a write to what it reads (a bill through the sandbox ledger), not across a sweep's own
/// run record.
/// </summary>
public sealed class ReportCacheProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Theory]
    [StoreProviders]
    public async Task GetOrRun_SweepRunThenSandboxBill_ReusedAcrossTheRunRecomputedForTheBill(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("demo");
        await new BundleImporter(TimeProvider.System).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, Ct);
        var cache = new ReportCache();
        var report = new LedgerBillsReport();
        Task<ReportTable> ReadAsync() => cache.GetOrRunAsync(report, new ReportRequest(tenant, AsOf, null), Ct);

        var first = await ReadAsync();
        var again = await ReadAsync();
        await tenant.SweepRuns.StartAsync("financial", AsOf, "test", 1, Ct);
        var afterRun = await ReadAsync();
        var vendor = (await tenant.Ledger.VendorsAsync(Ct)).First(v => v.Active);
        var account = (await tenant.Ledger.AccountsAsync(Ct)).First(a => a.Active);
        var draft = new BillDraft(vendor.Id, AsOf, null, "CACHE-1", null, [new BillLineDraft(account.Id, null, null, "Rebar", 100.25m)]);
        await new SandboxLedger(TimeProvider.System).CreateBillAsync(tenant, draft, "req-cache-1", Ct);
        var afterBill = await ReadAsync();

        Assert.Same(first, again);
        Assert.Same(first, afterRun);
        Assert.Equal(first.Rows.Count + 1, afterBill.Rows.Count);
        Assert.Equal(2, cache.Misses);
    }

    [Theory]
    [StoreProviders]
    public async Task ChangeStamp_AnyEngine_NeverNull(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var tenant = store.Source.For("demo");
        await new BundleImporter(TimeProvider.System).ImportAsync(RepoPaths.DemoBundle, tenant, "test", null, Ct);

        Assert.NotNull(await tenant.ChangeStampAsync(ChangeScope.Books, Ct));
        Assert.NotNull(await tenant.ChangeStampAsync(ChangeScope.AnyCommit, Ct));
    }
}
