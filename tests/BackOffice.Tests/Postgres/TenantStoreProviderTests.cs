using BackOffice.Domain.Collections;
using BackOffice.Domain.Pricebook;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Exports;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the stores that had no test on PostgreSQL, each with its behaviour on either engine: the connectors' sync
/// cursors and state (their done flags are 0/1 in integer columns), the QuickBooks webhook log, what the export importer
/// and the pricebook remember, promises to pay, and the memory learner's watermark (GREATEST on PostgreSQL).
/// </summary>
public sealed class TenantStoreProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    internal static async Task<(StoreUnderTest Store, TenantData Tenant)> TenantAsync(string provider)
    {
        var store = await StoreUnderTest.CreateAsync(provider, new ManualClock());
        return (store, store.Source.For("acme"));
    }

    [Theory]
    [StoreProviders]
    public async Task QuickBooksSync_CursorsAndStateThenReset_CursorsAndSyncStateGoneOtherStateKept(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;
        var sync = tenant.QuickBooksSync;
        await sync.ApplyAsync("Vendor", [], new SyncCursor("Vendor", 101, Done: true), Ct);
        await sync.ApplyAsync("Bill", [], new SyncCursor("Bill", 51, Done: false), Ct);
        await sync.ApplyAsync("Bill", [], new SyncCursor("Bill", 151, Done: false), Ct);
        await sync.SetStateAsync("changed_since", "2026-11-20T00:00:00Z", Ct);
        await sync.SetStateAsync("company_name", "Acme Builders", Ct);

        var cursors = await sync.CursorsAsync(Ct);
        await sync.ResetCursorsAsync(Ct);

        Assert.Equal([new SyncCursor("Bill", 151, false), new SyncCursor("Vendor", 101, true)], cursors.Values.OrderBy(c => c.Entity, StringComparer.Ordinal));
        Assert.Empty(await sync.CursorsAsync(Ct));
        Assert.Null(await sync.StateAsync("changed_since", Ct));
        Assert.Equal("Acme Builders", await sync.StateAsync("company_name", Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task ProcoreSync_FullPassStartedThenCompleted_WatermarkHeldAsPackageRangeUntilTheEnd(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;
        var sync = tenant.ProcoreSync;
        var scope = new ProcoreScope("2783883", new Dictionary<string, string>());
        await sync.ApplyAsync("projects", [], scope, new ProcoreCursor("projects", 3, Done: true), Ct);
        await sync.SetStateAsync(ProcoreSyncStore.UpdatedSinceKey, "2026-11-20T00:00:00Z", Ct);

        var cursors = await sync.CursorsAsync(Ct);
        await sync.StartFullAsync(Ct);
        var afterStart = (await sync.CursorsAsync(Ct), await sync.StateAsync(ProcoreSyncStore.UpdatedSinceKey, Ct),
            await sync.StateAsync(ProcoreSyncStore.PackagesSinceKey, Ct));
        await sync.CompletePassAsync("2026-11-27T00:00:00Z", Ct);

        Assert.Equal(new ProcoreCursor("projects", 3, true), Assert.Single(cursors.Values));
        Assert.Empty(afterStart.Item1);
        Assert.Equal((null, "2026-11-20T00:00:00Z"), (afterStart.Item2, afterStart.Item3));
        Assert.Empty(await sync.CursorsAsync(Ct));
        Assert.Equal("2026-11-27T00:00:00Z", await sync.StateAsync(ProcoreSyncStore.UpdatedSinceKey, Ct));
        Assert.Null(await sync.StateAsync(ProcoreSyncStore.PackagesSinceKey, Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task QuickBooksWebhookEvents_RedeliveredThenProcessed_OneRowWithTheLaterOutcomeNewestFirst(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;
        var log = tenant.QuickBooksWebhookEvents;
        QuickBooksWebhookEvent Event(string id, string received, string outcome) =>
            new(id, "realm-1", "Bill", id, "Update", null, received, outcome, null);
        await log.RecordAsync(Event("e-1", "2026-11-20T10:00:00.000Z", QuickBooksWebhookEventStore.Pending), Ct);
        await log.RecordAsync(Event("e-2", "2026-11-20T11:00:00.000Z", QuickBooksWebhookEventStore.Skipped), Ct);
        await log.RecordAsync(Event("e-1", "2026-11-20T12:00:00.000Z", QuickBooksWebhookEventStore.Fetched) with { Detail = "read, added", ProcessedAt = "2026-11-20T12:00:01.000Z" }, Ct);

        var all = await log.ListAsync(null, 10, Ct);
        var since = await log.ListAsync(new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero), 10, Ct);
        var first = await log.ListAsync(null, 1, Ct);

        Assert.Equal([("e-2", "skipped", "2026-11-20T11:00:00.000Z"), ("e-1", "fetched", "2026-11-20T10:00:00.000Z")],
            all.Rows.Select(r => (r.EventId, r.Outcome, r.ReceivedAt)));
        Assert.Equal(("read, added", "2026-11-20T12:00:01.000Z"), (all.Rows[1].Detail, all.Rows[1].ProcessedAt));
        Assert.Equal((1L, "e-2"), (since.Total, Assert.Single(since.Rows).EventId));
        Assert.Equal((2L, 1), (first.Total, first.Rows.Count));
    }

    [Theory]
    [StoreProviders]
    public async Task ExportImports_MappingAndNameDecisionSavedTwice_TheLaterKeptPerSource(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;
        var exports = tenant.ExportImports;
        await exports.SaveMappingAsync("quickbooks", "bills", """{"Vendor":"vendor"}""", "sam", "2026-11-20T10:00:00Z", Ct);
        await exports.SaveMappingAsync("quickbooks", "bills", """{"Supplier":"vendor"}""", "sam", "2026-11-21T10:00:00Z", Ct);
        await exports.SaveMappingAsync("procore", "budget", """{"Code":"cost_code"}""", "sam", "2026-11-21T10:00:00Z", Ct);
        await exports.SaveNameDecisionAsync(new ExportNameDecision("quickbooks", "vendor", "rivera plumbing", "v-1"), "sam", "2026-11-20T10:00:00Z", Ct);
        await exports.SaveNameDecisionAsync(new ExportNameDecision("quickbooks", "vendor", "rivera plumbing", null), "dana", "2026-11-21T10:00:00Z", Ct);

        var mappings = await exports.MappingJsonAsync("quickbooks", Ct);
        var decisions = await exports.NameDecisionsAsync("quickbooks", Ct);

        Assert.Equal(new Dictionary<string, string> { ["bills"] = """{"Supplier":"vendor"}""" }, mappings);
        Assert.Equal([new ExportNameDecision("quickbooks", "vendor", "rivera plumbing", null)], decisions);
        Assert.Empty(await exports.NameDecisionsAsync("procore", Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task Pricebook_MarkupDecisionAndMappingSavedTwice_TheLaterKeptInBasisPoints(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;
        var pricebook = tenant.Pricebook;
        await pricebook.SaveMarkupRuleAsync(new MarkupRule(MarkupScope.Category, "plumbing", 10m, null), Ct);
        await pricebook.SaveMarkupRuleAsync(new MarkupRule(MarkupScope.Category, "plumbing", 12.5m, 8.25m), Ct);
        await pricebook.SaveDecisionAsync("ferguson", "pvc-2in", "item-1", "sam", "2026-11-20T10:00:00Z", Ct);
        await pricebook.SaveDecisionAsync("ferguson", "pvc-2in", null, "sam", "2026-11-21T10:00:00Z", Ct);
        await pricebook.SaveMappingAsync("ferguson", """{"sku":"Part #"}""", "sam", "2026-11-20T10:00:00Z", Ct);

        Assert.Equal([new MarkupRule(MarkupScope.Category, "plumbing", 12.5m, 8.25m)], await pricebook.MarkupRulesAsync(Ct));
        Assert.Equal(new Dictionary<string, string?> { ["pvc-2in"] = null }, await pricebook.DecisionsAsync("ferguson", Ct));
        Assert.Equal("""{"sku":"Part #"}""", await pricebook.MappingJsonAsync("ferguson", Ct));
        Assert.Null(await pricebook.MappingJsonAsync("other", Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task Promises_RecordedTwiceThenDeleted_OneRowInCentsThenNone(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;
        var promise = new PromiseToPay("promise-1", "inv-1047", 1234.56m, new DateOnly(2026, 12, 5), new DateOnly(2026, 11, 20));

        var first = await tenant.Promises.RecordAsync(promise, "called", 7, Ct);
        var again = await tenant.Promises.RecordAsync(promise with { Amount = 1m }, null, 7, Ct);
        var listed = await tenant.Promises.ListAsync(Ct);
        await tenant.Promises.DeleteAsync("promise-1", Ct);

        Assert.Equal((true, false), (first, again));
        Assert.Equal([promise], listed);
        Assert.False(await tenant.Promises.ExistsAsync("promise-1", Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task MemoryLearning_AdvancedBackwards_NeverMovesBack(string provider)
    {
        var (store, tenant) = await TenantAsync(provider);
        await using var _ = store;

        var before = await tenant.MemoryLearning.LearnedThroughAsync("database", Ct);
        await tenant.MemoryLearning.AdvanceAsync("database", 12, Ct);
        await tenant.MemoryLearning.AdvanceAsync("database", 9, Ct);
        await tenant.MemoryLearning.AdvanceAsync("qdrant", 3, Ct);

        Assert.Equal((0L, 12L, 3L), (before, await tenant.MemoryLearning.LearnedThroughAsync("database", Ct), await tenant.MemoryLearning.LearnedThroughAsync("qdrant", Ct)));
    }
}
