using BackOffice.Domain.Pricebook;
using BackOffice.Store.Financial;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18, continued from <see cref="TenantStoreProviderTests"/>: imported price files (unit costs in 1/10,000 of a
/// dollar), the Financial agent's confirmed links and change-order notes, and the sweep run log, on either engine.
/// </summary>
public sealed class RecordStoreProviderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [StoreProviders]
    public async Task PriceFiles_SameContentTwiceThenANewerFile_StoredOnceAndTheNewerIsLatest(string provider)
    {
        var (store, tenant) = await TenantStoreProviderTests.TenantAsync(provider);
        await using var _ = store;
        PriceLine[] lines = [new(2, "PVC-2", "PVC pipe 2in", "ft", 1.2345m, new DateOnly(2026, 12, 1)), new(3, null, "Coupling", "ea", 0.5m, null)];

        var first = await tenant.PriceFiles.SaveAsync("ferguson", "nov.csv", "sha-1", lines, 1, "2026-11-20T10:00:00Z", "sam", Ct);
        var again = await tenant.PriceFiles.SaveAsync("ferguson", "nov-copy.csv", "sha-1", lines, 0, "2026-11-21T10:00:00Z", "sam", Ct);
        var newer = await tenant.PriceFiles.SaveAsync("ferguson", "dec.csv", "sha-2", lines[..1], 0, "2026-11-22T10:00:00Z", "sam", Ct);
        var other = await tenant.PriceFiles.SaveAsync("hd-supply", "list.csv", "sha-3", lines[1..], 0, "2026-11-22T11:00:00Z", "sam", Ct);

        Assert.Equal((false, true, first.File), (first.AlreadyImported, again.AlreadyImported, again.File));
        Assert.Equal([("ferguson", newer.File.Id), ("hd-supply", other.File.Id)], (await tenant.PriceFiles.LatestPerVendorAsync(Ct)).Select(f => (f.Vendor, f.Id)));
        Assert.Equal(lines, await tenant.PriceFiles.LinesAsync(first.File.Id, Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task ConfirmedLinks_PutTwiceThenDeleted_TheLaterThenNone(string provider)
    {
        var (store, tenant) = await TenantStoreProviderTests.TenantAsync(provider);
        await using var _ = store;
        var links = tenant.ConfirmedLinks;
        await links.PutAsync(new ConfirmedLink("commitment", "co-1", "po-1", 3, "2026-11-20T10:00:00Z"), Ct);
        await links.PutAsync(new ConfirmedLink("commitment", "co-1", "po-2", 4, "2026-11-21T10:00:00Z"), Ct);
        await links.PutAsync(new ConfirmedLink("invoice", "pa-1", "inv-9", 5, "2026-11-21T10:00:00Z"), Ct);

        var held = await links.GetAsync("commitment", "co-1", Ct);
        await links.DeleteAsync("commitment", "co-1", Ct);

        Assert.Equal(new ConfirmedLink("commitment", "co-1", "po-2", 4, "2026-11-21T10:00:00Z"), held);
        Assert.Null(await links.GetAsync("commitment", "co-1", Ct));
        Assert.Equal(["invoice pa-1 inv-9"], (await links.AllAsync(Ct)).Select(l => $"{l.Kind} {l.ProjectId} {l.LedgerId}"));
    }

    [Theory]
    [StoreProviders]
    public async Task FinancialNotes_AddedTwiceThenDeleted_TheFirstKeptThenNone(string provider)
    {
        var (store, tenant) = await TenantStoreProviderTests.TenantAsync(provider);
        await using var _ = store;
        var note = new FinancialNote("note-1", "co-1", "ledger", "Change order 3 is not in the books.", 7, "2026-11-20T10:00:00Z");

        var first = await tenant.FinancialNotes.AddOnceAsync(note, Ct);
        var again = await tenant.FinancialNotes.AddOnceAsync(note with { Text = "another text", ProposalId = 8 }, Ct);
        var keys = await tenant.FinancialNotes.KeysAsync(Ct);
        await tenant.FinancialNotes.DeleteAsync("note-1", Ct);

        Assert.Equal((note, note), (first, again));
        Assert.Equal(["note-1"], keys);
        Assert.Null(await tenant.FinancialNotes.GetAsync("note-1", Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task SweepRuns_StartedFailedThenTickSucceeded_LastRunAndTickReadBack(string provider)
    {
        var (store, tenant) = await TenantStoreProviderTests.TenantAsync(provider);
        await using var _ = store;
        var runs = tenant.SweepRuns;
        var failed = await runs.StartAsync("financial", new DateOnly(2026, 11, 20), "schedule", 1, "quartz:t@100", Ct);
        await runs.FailAsync(failed, "model timed out", new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.Zero), Ct);
        var before = await runs.TickSucceededAsync("financial", "quartz:t@100", Ct);
        var retried = await runs.StartAsync("financial", new DateOnly(2026, 11, 20), "schedule", 2, "quartz:t@100", Ct);
        await runs.FinishAsync(retried, findings: 12, proposalsCreated: 3, Ct);

        var last = await runs.LastAsync("financial", Ct);

        Assert.False(before);
        Assert.True(await runs.TickSucceededAsync("financial", "quartz:t@100", Ct));
        Assert.False(await runs.TickSucceededAsync("collections", "quartz:t@100", Ct));
        Assert.Equal((retried, 2, "succeeded", (int?)12, (int?)3), (last!.Id, last.Attempt, last.Status, last.Findings, last.ProposalsCreated));
        Assert.Null(await runs.LastAsync("collections", Ct));
    }
}
