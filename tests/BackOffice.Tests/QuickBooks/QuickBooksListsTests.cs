using System.Text.Json.Nodes;
using BackOffice.Domain.Ledger;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Ledger;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;

namespace BackOffice.Tests.QuickBooks;

/// <summary>
/// Issue 13: Item, Class and Term synced (full and CDC, with provenance) like Account and Vendor, and ClassRef on bill
/// and journal-entry lines where the tenant maps a job or an account (a department) to a class. Shapes from Intuit's
/// Item, Class and Term references (qbo.md section 5; class Ids are long, e.g. "5000000000000007280").
/// </summary>
public sealed class QuickBooksListsTests
{
    private const string KitchenClass = "5000000000000007280";
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task FullSync_ItemClassTerm_FilledWithProvenance()
    {
        await using var h = await SyncedAsync();

        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(("Progress billing", "Service", "79", "quickbooks"),
            await c.QuerySingleAsync<(string, string, string, string)>("SELECT name, type, income_account_id, origin FROM ledger_items WHERE id = '1'"));
        Assert.Equal(("Jobs:Kitchen", "5000000000000007279", 0L),
            await c.QuerySingleAsync<(string, string, long)>($"SELECT fully_qualified_name, parent_id, sync_token FROM ledger_classes WHERE id = '{KitchenClass}'"));
        Assert.Equal(("Net 30", "STANDARD", 30L), await c.QuerySingleAsync<(string, string, long)>("SELECT name, type, due_days FROM ledger_terms WHERE id = '3'"));
    }

    [Fact]
    public async Task Cdc_ClassRenamedAndItemDeactivated_AppliedWithNewSyncToken()
    {
        await using var h = await SyncedAsync();
        h.Fake.Touch("Class", KitchenClass, k => { k["Name"] = "Kitchens"; k["FullyQualifiedName"] = "Jobs:Kitchens"; });
        h.Fake.Touch("Item", "1", i => i["Active"] = false);

        var report = await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);

        Assert.Equal(new SyncCounts(1, 0, 1, 0), report.Entities["Class"]);
        Assert.Equal(new SyncCounts(1, 0, 1, 0), report.Entities["Item"]);
        Assert.Equal(SyncCounts.Zero, report.Entities["Term"]);
        await using var c = await h.Tenant.OpenAsync(Ct);
        Assert.Equal(("Jobs:Kitchens", 1L), await c.QuerySingleAsync<(string, long)>($"SELECT fully_qualified_name, sync_token FROM ledger_classes WHERE id = '{KitchenClass}'"));
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT active FROM ledger_items WHERE id = '1'"));
    }

    [Fact]
    public async Task CreateBill_JobMappedToClass_WrittenJsonHasClassRef()
    {
        await using var h = await SyncedAsync(new() { ["QuickBooks:Tenants:acme:ClassByJob:59"] = "Jobs:Kitchen" });

        var written = await h.Get<QuickBooksLedgerWriter>().CreateBillAsync(h.Tenant, Bill(), "key-class-1", Ct);

        var lines = h.Fake.Find("Bill", written.EntityId)!["Line"]!.AsArray();
        Assert.Equal(KitchenClass, lines[0]!["AccountBasedExpenseLineDetail"]!["ClassRef"]!["value"]!.ToString());
        // The retainage line names no job and the tenant maps no account or default: no class.
        Assert.Null(lines[1]!["AccountBasedExpenseLineDetail"]!["ClassRef"]);
    }

    [Fact]
    public async Task CreateJournalEntry_AccountMappedToClassAndDefault_EveryLineHasItsClassRef()
    {
        await using var h = await SyncedAsync(new()
        {
            ["QuickBooks:Tenants:acme:ClassByAccount:65"] = "Overhead", ["QuickBooks:Tenants:acme:DefaultClass"] = KitchenClass,
        });
        var entry = new JournalEntryDraft(new DateOnly(2026, 11, 3), null, "Reclass",
            [new JournalLineDraft("64", PostingType.Debit, 250.00m, null, "to job"), new JournalLineDraft("65", PostingType.Credit, 250.00m, null, "from overhead")]);

        var written = await h.Get<QuickBooksJournalWriter>().CreateJournalEntryAsync(h.Tenant, entry, "key-class-2", Ct);

        var lines = h.Fake.Find("JournalEntry", written.EntityId)!["Line"]!.AsArray();
        Assert.Equal(KitchenClass, lines[0]!["JournalEntryLineDetail"]!["ClassRef"]!["value"]!.ToString());
        Assert.Equal("5000000000000007281", lines[1]!["JournalEntryLineDetail"]!["ClassRef"]!["value"]!.ToString());
    }

    [Theory]
    [InlineData("Jobs:Bathroom", "is not an active class")] // never in QuickBooks
    [InlineData("Retired", "is not an active class")] // synced, but inactive
    public async Task CreateBill_MappedClassNotSynced_RefusesNamingTheSettingAndSendsNothing(string name, string problem)
    {
        await using var h = await SyncedAsync(new() { ["QuickBooks:Tenants:acme:ClassByJob:59"] = name });
        var before = h.Fake.ApiRequests;

        var error = await Assert.ThrowsAsync<QuickBooksMappingException>(() => h.Get<QuickBooksLedgerWriter>().CreateBillAsync(h.Tenant, Bill(), "key-class-3", Ct));

        Assert.StartsWith($"QuickBooks:Tenants:acme:ClassByJob:59 names class '{name}', which {problem} in tenant acme's synced QuickBooks classes", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, h.Fake.ApiRequests);
        Assert.DoesNotContain(h.Fake.All("Bill"), b => b["DocNumber"]?.ToString() == "RP-7");
    }

    private static BillDraft Bill() => new("46", new DateOnly(2026, 11, 3), null, "RP-7", "Sub invoice RP-7",
        [new BillLineDraft("64", "59", "22-000", "Rough-in", 1000.00m), new BillLineDraft("65", null, null, "Retainage held", -100.00m)]);

    private static async Task<QuickBooksHarness> SyncedAsync(Dictionary<string, string?>? settings = null)
    {
        var h = await QuickBooksHarness.ConnectedAsync(settings);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        h.Fake.Add("Item", new JsonObject
        {
            ["Id"] = "1", ["Name"] = "Progress billing", ["FullyQualifiedName"] = "Progress billing", ["Type"] = "Service", ["Active"] = true,
            ["IncomeAccountRef"] = new JsonObject { ["value"] = "79", ["name"] = "Contract revenue" },
        }, before);
        h.Fake.Add("Class", new JsonObject { ["Id"] = "5000000000000007279", ["Name"] = "Jobs", ["FullyQualifiedName"] = "Jobs", ["Active"] = true }, before);
        h.Fake.Add("Class", new JsonObject
        {
            ["Id"] = KitchenClass, ["Name"] = "Kitchen", ["FullyQualifiedName"] = "Jobs:Kitchen", ["SubClass"] = true,
            ["ParentRef"] = new JsonObject { ["value"] = "5000000000000007279" }, ["Active"] = true,
        }, before);
        h.Fake.Add("Class", new JsonObject { ["Id"] = "5000000000000007281", ["Name"] = "Overhead", ["FullyQualifiedName"] = "Overhead", ["Active"] = true }, before);
        h.Fake.Add("Class", new JsonObject { ["Id"] = "5000000000000007282", ["Name"] = "Retired", ["FullyQualifiedName"] = "Retired", ["Active"] = false }, before);
        h.Fake.Add("Term", new JsonObject { ["Id"] = "3", ["Name"] = "Net 30", ["Type"] = "STANDARD", ["DueDays"] = 30, ["Active"] = true }, before);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        return h;
    }
}
