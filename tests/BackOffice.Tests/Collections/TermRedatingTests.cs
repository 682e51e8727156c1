using System.Text.Json.Nodes;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.QuickBooks;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Collections;

/// <summary>
/// Issue 16: a term whose definition changes in QuickBooks re-dates the documents it dated. Each synced bill and invoice
/// records the term that dated it (due_term_id, migration 1681); a sync bringing the changed term moves exactly those
/// due dates, journaled so incremental sweeps recompute them. Dates: Net 30 from 2026-10-01 is 2026-10-31, Net 60 is
/// 2026-11-30 (DueDays after the document date, Intuit's Bill sample: 2014-11-06 on Net 30 due 2014-12-06, qbo.md section 5).
/// Documents synced before 1681 get their party's term once where their due date is what it gives (the backfill).
/// Each runs on SQLite and PostgreSQL.
/// </summary>
public sealed class TermRedatingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Theory]
    [StoreProviders]
    public async Task Sync_TermDueDaysChanged_TermDatedDocumentsMoveAndExplicitOnesStay(string provider)
    {
        await using var h = await WithTermDatedDocumentsAsync(provider);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        Assert.Equal(Before, await DueDatesAsync(h));

        h.Fake.Touch("Term", "3", t => t["DueDays"] = 60);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        // 131 and bill 27 name Net 30, bill 28 takes it from its vendor: all move by 30 days. 130 and 132 state their
        // DueDate, bill 25 has neither date nor term: none moves.
        Assert.Equal(new Dictionary<string, string?>
        {
            ["bill 25"] = null, ["bill 27"] = "2026-12-05", ["bill 28"] = "2026-12-05",
            ["invoice 130"] = "2026-10-31", ["invoice 131"] = "2026-11-30", ["invoice 132"] = "2026-10-20",
        }, await DueDatesAsync(h));
    }

    [Theory]
    [StoreProviders]
    public async Task ApplyTerm_ChangedAfterASweep_JournaledSoTheIncrementalSweepEqualsAFullOneAndASecondSyncChangesNothing(string provider)
    {
        await using var h = await WithTermDatedDocumentsAsync(provider);
        var sync = h.Get<QuickBooksSync>();
        await sync.SyncAsync(h.Tenant, full: true, null, Ct);
        await SweepAsync(h, SweepMode.Incremental);
        // Control: with nothing changed every agent keeps its findings, so the next sweep recomputes only what the journal names.
        var (overdue, unchanged) = await SweepAsync(h, SweepMode.Incremental);
        Assert.All(unchanged, o => Assert.True(o.Unchanged, o.Agent));
        var seq = await h.Tenant.Changes.LatestAsync(Ct);

        // The changed term as a sync's batch applies it, parsed from its JSON as the sync reads it (a whole sync also
        // stamps the connection row, which makes every agent recompute and would hide a missing journal entry).
        h.Fake.Touch("Term", "3", t => t["DueDays"] = 60);
        await h.Tenant.QuickBooksSync.ApplyAsync("Term", [JsonNode.Parse(h.Fake.Find("Term", "3")!.ToJsonString())!.AsObject()], null, Ct);
        var afterChange = await h.Tenant.Changes.LatestAsync(Ct);
        var writes = await h.Tenant.Changes.WritesBetweenAsync(seq, afterChange, Ct);
        var (incremental, outcomes) = await SweepAsync(h, SweepMode.Incremental);
        var (full, _) = await SweepAsync(h, SweepMode.Full);

        Assert.Contains(writes, w => w.Table == "ledger_invoices" && w.Columns is ["due_date"]);
        Assert.Contains(writes, w => w.Table == "ledger_bills" && w.Columns is ["due_date"]);
        Assert.False(outcomes.Single(o => o.Agent == "collections").Unchanged);
        // Invoice 131 was 20 days past due on Net 30 and is not due on Net 60: what the sweeps leave changed, and the
        // incremental sweep left what a full one does.
        Assert.NotEqual(overdue, incremental);
        Assert.Equal(full, incremental);

        await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        var again = await sync.SyncAsync(h.Tenant, full: false, null, Ct);
        Assert.Equal((0, 0, 0), (again.Total.Added, again.Total.Changed, again.Total.Deleted));
        Assert.Equal(afterChange, await h.Tenant.Changes.LatestAsync(Ct));
    }

    [Theory]
    [StoreProviders]
    public async Task Sync_DocumentsSyncedBeforeDueTerms_BackfilledOnceWhereTheDueDateIsThePartysTermThenRedated(string provider)
    {
        await using var h = await WithTermDatedDocumentsAsync(provider);
        h.Fake.Touch("Customer", "59", c => c["SalesTermRef"] = Ref("3"));
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        // As a tenant synced before migration 1681 holds its documents: no term recorded, the backfill not run.
        await h.ExecuteAsync("UPDATE ledger_bills SET due_term_id = NULL; UPDATE ledger_invoices SET due_term_id = NULL; DELETE FROM quickbooks_sync_state WHERE key = 'due_term_backfill'");

        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        var terms = await DueTermsAsync(h);
        // Once: a term forgotten again is not backfilled by the next sync.
        await h.ExecuteAsync("UPDATE ledger_bills SET due_term_id = NULL WHERE id = '28'");
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        var once = await DueTermsAsync(h);
        h.Fake.Touch("Term", "3", t => t["DueDays"] = 60);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        // Net 30 from 2026-10-01 is 2026-10-31 (130 states it, 131 was dated by it), bill 28 of 2026-10-06 due 2026-11-05 on
        // its vendor's Net 30: backfilled. 132 is due 2026-10-20, not what Net 30 gives; bill 27's Net 30 is its own
        // SalesTermRef, which is not stored, and its vendor has no term; bill 25 has no due date: none backfilled.
        Assert.Equal(new Dictionary<string, string?>
        {
            ["bill 25"] = null, ["bill 27"] = null, ["bill 28"] = "3", ["invoice 130"] = "3", ["invoice 131"] = "3", ["invoice 132"] = null,
        }, terms);
        Assert.Null(once["bill 28"]);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["bill 25"] = null, ["bill 27"] = "2026-11-05", ["bill 28"] = "2026-11-05",
            ["invoice 130"] = "2026-11-30", ["invoice 131"] = "2026-11-30", ["invoice 132"] = "2026-10-20",
        }, await DueDatesAsync(h));
    }

    private static async Task<Dictionary<string, string?>> DueTermsAsync(QuickBooksHarness h) =>
        (await h.QueryAsync<(string Id, string? Term)>(
            "SELECT 'bill ' || id, due_term_id FROM ledger_bills UNION ALL SELECT 'invoice ' || id, due_term_id FROM ledger_invoices"))
        .ToDictionary(r => r.Id, r => r.Term);

    private static readonly Dictionary<string, string?> Before = new()
    {
        ["bill 25"] = null, ["bill 27"] = "2026-11-05", ["bill 28"] = "2026-11-05",
        ["invoice 130"] = "2026-10-31", ["invoice 131"] = "2026-10-31", ["invoice 132"] = "2026-10-20",
    };

    private static async Task<(string State, List<SweepOutcome> Outcomes)> SweepAsync(QuickBooksHarness h, SweepMode mode)
    {
        var runner = h.Get<SweepRunner>();
        var outcomes = new List<SweepOutcome>();
        foreach (var agent in runner.Agents)
        {
            outcomes.Add(await runner.RunAsync(h.Tenant.Tenant, agent.Name, AsOf, "test", 1, mode, new Progress<string>(), Ct));
        }

        return (await SweepState.FingerprintAsync(h.Tenant, Ct), outcomes);
    }

    private static async Task<Dictionary<string, string?>> DueDatesAsync(QuickBooksHarness h) =>
        (await h.QueryAsync<(string Id, string? Due)>(
            "SELECT 'bill ' || id, due_date FROM ledger_bills UNION ALL SELECT 'invoice ' || id, due_date FROM ledger_invoices"))
        .ToDictionary(r => r.Id, r => r.Due);

    /// <summary>
    /// The harness company (invoice 130 with its own DueDate, bill 25 with neither date nor term) plus Net 30 (3); invoice
    /// 131 and bill 27 on Net 30, invoice 132 on Net 30 with its own DueDate, and bill 28 of Norton Lumber (47), whose term is Net 30.
    /// </summary>
    private static async Task<QuickBooksHarness> WithTermDatedDocumentsAsync(string provider)
    {
        var h = await QuickBooksHarness.ConnectedAsync(provider: provider);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        h.Fake.Add("Term", new JsonObject { ["Id"] = "3", ["Name"] = "Net 30", ["Type"] = "STANDARD", ["DueDays"] = 30, ["Active"] = true }, before);
        h.Fake.Add("Vendor", new JsonObject { ["Id"] = "47", ["DisplayName"] = "Norton Lumber", ["TermRef"] = Ref("3"), ["Active"] = true }, before);
        h.Fake.Add("Invoice", Invoice("131", null), before);
        h.Fake.Add("Invoice", Invoice("132", "2026-10-20"), before);
        var own = QuickBooksHarness.Bill("27", "B-27", 400.00m);
        own["SalesTermRef"] = Ref("3");
        h.Fake.Add("Bill", own, before);
        var vendors = QuickBooksHarness.Bill("28", "B-28", 250.00m);
        vendors["VendorRef"] = Ref("47");
        h.Fake.Add("Bill", vendors, before);
        return h;
    }

    private static JsonObject Invoice(string id, string? dueDate) => new()
    {
        ["Id"] = id, ["CustomerRef"] = Ref("59"), ["DocNumber"] = "1" + id, ["TxnDate"] = "2026-10-01", ["DueDate"] = dueDate, ["TotalAmt"] = 2000.00m,
        ["SalesTermRef"] = Ref("3"),
        ["Line"] = new JsonArray(new JsonObject { ["Amount"] = 2000.00m, ["DetailType"] = "SalesItemLineDetail", ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = Ref("1") } }),
    };

    private static JsonObject Ref(string id) => new() { ["value"] = id };
}
