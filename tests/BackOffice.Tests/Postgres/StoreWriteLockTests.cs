using BackOffice.Tests.Support.Postgres;
using Npgsql;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: store writes go through a write unit, so on PostgreSQL they queue on the tenant's advisory lock behind
/// another host's writer instead of landing between its read and its move (a write sent through a read unit commits
/// without the lock). Each case holds a write unit on one host and writes through the store on the other.
/// </summary>
public sealed class StoreWriteLockTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<string> Writes => new()
    {
        "sweep run", "lease", "confirmed link", "financial note", "workforce outbox", "pricebook mapping", "export mapping", "narration cache",
        "memory item", "quickbooks tokens", "quickbooks sync", "quickbooks status", "bundle file move",
    };

    [PostgresTheory]
    [MemberData(nameof(Writes))]
    public async Task StoreWrite_AnotherHostHoldsTheTenantsWriteUnit_WaitsForItThenLands(string write)
    {
        await using var store = await StoreUnderTest.CreateAsync(Store.Tenancy.StoreOptions.Postgres);
        var holder = store.Source.For("acme");
        var writer = store.SecondHost().For("acme");
        Task landed;
        await using (var unit = await holder.OpenUnitAsync(write: true, Ct))
        {
            landed = WriteAsync(writer, write);
            await WaitForAdvisoryWaiterAsync(store.Database!);
            Assert.False(landed.IsCompleted);
            await unit.CommitAsync(Ct);
        }

        await landed.WaitAsync(TimeSpan.FromMinutes(1));
    }

    private static Task WriteAsync(Store.Tenancy.TenantData tenant, string write) => write switch
    {
        "sweep run" => tenant.SweepRuns.StartAsync("probe", new DateOnly(2026, 11, 20), "manual", 1, Ct),
        "lease" => tenant.SweepRuns.TryLeaseAsync("probe", "host-b", TimeSpan.FromMinutes(5), Ct),
        "confirmed link" => tenant.ConfirmedLinks.PutAsync(new Store.Financial.ConfirmedLink("vendor", "v-1", "lv-1", 1, "2026-11-20T00:00:00Z"), Ct),
        "financial note" => tenant.FinancialNotes.AddOnceAsync(
            new Store.Financial.FinancialNote("key-1", "c-1", "project", "text", 1, "2026-11-20T00:00:00Z"), Ct),
        "pricebook mapping" => tenant.Pricebook.SaveMappingAsync("vendor-1", "{}", "test", "2026-11-20T00:00:00Z", Ct),
        "export mapping" => tenant.ExportImports.SaveMappingAsync("procore", "budget", "{}", "test", "2026-11-20T00:00:00Z", Ct),
        "memory item" => new Store.Memory.SqliteTenantMemory(tenant, new Store.Memory.HashedNgramEmbedder()).RememberAsync(
            new global::BackOffice.Domain.Memory.MemoryItem("resolution", "f-1", "text", "approved", "test", DateTimeOffset.UnixEpoch), Ct),
        "quickbooks tokens" => tenant.QuickBooks.SaveTokensAsync("realm-1", "access", "2026-11-20T01:00:00Z", "refresh", null, Ct),
        "quickbooks sync" => tenant.QuickBooks.RecordSyncAsync("realm-1", "2026-11-20T00:00:00Z", null, Ct),
        "quickbooks status" => tenant.QuickBooks.SetStatusAsync("realm-1", "needs-reconnect", "expired", Ct),
        "bundle file move" => Store.Bundle.BundleFileMoves.FinishAsync(tenant, "token-1", Ct),
        "narration cache" => tenant.NarrationCache.PutAsync("facts-1", "subject-1", new Store.Memory.NarrationCacheStore.Entry("text", "template", "prompt-1"), Ct),
        _ => new Store.Workforce.WorkforceOutbox(TimeProvider.System).AddAsync(tenant, "req-1", "staffing-alert", null, null, null, "{}", Ct),
    };

    /// <summary>Until a backend waits for an advisory lock (the other host's write); a minute without one fails the test.</summary>
    private static async Task WaitForAdvisoryWaiterAsync(PostgresDatabase database)
    {
        await using var owner = await database.OpenAsync(owner: true);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            await using var waiting = new NpgsqlCommand("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", owner);
            if ((long)(await waiting.ExecuteScalarAsync(Ct))! > 0)
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("the second host's write never waited for the tenant's write lock");
    }
}
