using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Ledger;
using BackOffice.Store.Proposals;
using BackOffice.Tests.Support.QuickBooks;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Figures;

/// <summary>
/// Issue 16: the retainage payable true-up on QuickBooks-synced books. A synced JournalEntry line has one entity: the
/// subcontractor (Entity Type Vendor) on the A/P and retainage lines of a true-up, with the job only as the line's
/// ClassRef, which the tenant's ClassByJob names in reverse (Intuit's JournalEntryLineDetail, qbo.md section 5).
/// </summary>
public sealed class PayableRetainageSyncedTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public async Task Sweep_SyncedRetainagePayableDriftsFromTheSubcontract_OneTrueUpWithTheJobVendorAndAmount()
    {
        // DERIVED (Viewpoint Spectrum's 10% retention on a sub's bill, figures.md 2.2): RP-1 bills $10,000.00, 10% holds
        // $1,000.00 and the bill moves $1,000.00 to Retainage Payable; a journal entry keyed in QuickBooks for the vendor
        // and the job's class holds $200.00 more. The ledger holds $1,200.00: release $200.00 to accounts payable.
        await using var h = await SyncedAsync(extraHeld: 200.00m);

        var draft = Assert.Single(await PayableTrueUpsAsync(h));

        var payload = ActionPayloadJson.Read<RetainageEntryPayload>(draft.Payload);
        Assert.Equal(("job-1", "59", "46"), (payload.JobId, payload.CustomerId, payload.VendorId));
        Assert.Equal(("1000.00", "1200.00", "release", -200.00m), (payload.ProjectHeld, payload.LedgerHeld, payload.Movement, payload.Difference));
        Assert.Equal("Release $200.00 of retainage payable on SC-003", draft.Title);
    }

    [Fact]
    public async Task Sweep_TrueUpWrittenToQuickBooksAndSyncedBack_ProposesNothingMore()
    {
        await using var h = await SyncedAsync(extraHeld: 200.00m);
        var payload = ActionPayloadJson.Read<RetainageEntryPayload>(Assert.Single(await PayableTrueUpsAsync(h)).Payload);
        await using (var unit = await h.Tenant.WriteAsync(Ct))
        {
            await LedgerTargets.SetAsync(unit, LedgerTargets.QuickBooks, "sam", StoreTime.ToText(DateTimeOffset.UtcNow), Ct);
            await unit.CommitAsync(Ct);
        }

        await JournalEntryWrites.CreateAsync(h.Get<IJournalWriter>(), new ActionRequest(h.Tenant, 1, "key-rtp-1", new JsonObject()), payload.ToEntry(), Ct);

        var written = Assert.Single(h.Fake.All("JournalEntry"), e => e["PrivateNote"]!.ToString().Contains("key-rtp-1", StringComparison.Ordinal));
        Assert.All(written["Line"]!.AsArray(), l => Assert.Equal(("Vendor", "300"),
            (l!["JournalEntryLineDetail"]!["Entity"]!["Type"]!.ToString(), l["JournalEntryLineDetail"]!["ClassRef"]!["value"]!.ToString())));
        Assert.Empty(await PayableTrueUpsAsync(h));
    }

    [Fact]
    public async Task Sweep_VendorLineWithAClassNoJobMaps_LeavesTheEntryOutOfTheJobsRetainage()
    {
        // Without ClassByJob the class names no job, so the $200.00 belongs to no subcontractor's job: terms and bill agree.
        await using var h = await SyncedAsync(extraHeld: 200.00m, mapClass: false);

        Assert.Empty(await PayableTrueUpsAsync(h));
    }

    /// <summary>The tenant's financial agent as composed by the host, swept over the synced books.</summary>
    private static async Task<List<ProposalDraft>> PayableTrueUpsAsync(QuickBooksHarness h)
    {
        var agent = h.Services.GetServices<IAgent>().Single(a => a.Name == "financial");
        var result = await agent.SweepAsync(new SweepContext(h.Tenant, AsOf, new Progress<string>(), null), Ct);
        return [.. result.Proposals.Where(p => p.ActionKind == RetainageEntryPayload.Kind && p.Title.Contains("retainage payable", StringComparison.Ordinal))];
    }

    /// <summary>
    /// The harness company plus an A/P account, class 300 "Kitchen" for job 59, sub bill RP-1 with its retainage line and a
    /// journal entry for vendor 46 on the class; then the project side: job, subcontract SC-003 (10%) and its invoice RP-1.
    /// </summary>
    private static async Task<QuickBooksHarness> SyncedAsync(decimal extraHeld, bool mapClass = true)
    {
        var h = await QuickBooksHarness.ConnectedAsync(mapClass ? new() { ["QuickBooks:Tenants:acme:ClassByJob:59"] = "Kitchen" } : null);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        h.Fake.Add("Account", new JsonObject { ["Id"] = "33", ["Name"] = "Accounts Payable (A/P)", ["AccountType"] = "Accounts Payable", ["Active"] = true }, before);
        h.Fake.Add("Class", new JsonObject { ["Id"] = "300", ["Name"] = "Kitchen", ["FullyQualifiedName"] = "Kitchen", ["Active"] = true }, before);
        h.Fake.Add("Bill", SubBill(), before);
        h.Fake.Add("JournalEntry", new JsonObject
        {
            ["Id"] = "900", ["TxnDate"] = "2026-11-05", ["PrivateNote"] = "Retainage adjustment",
            ["Line"] = new JsonArray(VendorLine("Credit", "65", extraHeld), VendorLine("Debit", "33", extraHeld)),
        }, before);
        await h.Get<BackOffice.Store.Connectors.QuickBooks.QuickBooksSync>().SyncAsync(h.Tenant, full: true, null, Ct);
        await using var c = await h.Tenant.OpenAsync(Ct);
        await c.ExecuteAsync("""
            INSERT INTO project_jobs (id, number, name, status, row_hash) VALUES ('job-1', '2026-014', 'Kitchen Remodel', 'active', 'x');
            INSERT INTO project_cost_codes (code, description, row_hash) VALUES ('22-000', 'Plumbing', 'x');
            INSERT INTO project_vendors (id, name, row_hash) VALUES ('pv-1', 'Rivera Plumbing', 'x');
            INSERT INTO project_commitments (id, job_id, vendor_id, number, kind, status, retainage_bp, row_hash)
                VALUES ('c-1', 'job-1', 'pv-1', 'SC-003', 'subcontract', 'approved', 1000, 'x');
            INSERT INTO project_commitment_lines (id, commitment_id, cost_code, description, amount_cents, row_hash) VALUES ('c-1-1', 'c-1', '22-000', 'Plumbing', 5000000, 'x');
            INSERT INTO project_sub_invoices (id, commitment_id, number, invoice_date, amount_cents, retainage_cents, status, row_hash)
                VALUES ('si-1', 'c-1', 'RP-1', '2026-11-03', 1000000, 100000, 'approved', 'x');
            INSERT INTO project_sub_invoice_lines (id, sub_invoice_id, cost_code, description, amount_cents, row_hash) VALUES ('si-1-l1', 'si-1', '22-000', 'Rough-in', 1000000, 'x');
            INSERT INTO map_cost_code_accounts (cost_code, account_id, row_hash) VALUES ('22-000', '64', 'x');
            INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES ('l-1', 'job', 'job-1', '59', 'x'), ('l-2', 'vendor', 'pv-1', '46', 'x');
            """);
        return h;
    }

    private static JsonObject SubBill() => new()
    {
        ["Id"] = "26", ["DocNumber"] = "RP-1", ["TxnDate"] = "2026-11-04", ["TotalAmt"] = 9_000.00m, ["VendorRef"] = new JsonObject { ["value"] = "46" },
        ["Line"] = new JsonArray(QuickBooksHarness.ExpenseLine("1", "64", 10_000.00m), QuickBooksHarness.ExpenseLine("2", "65", -1_000.00m)),
    };

    private static JsonObject VendorLine(string posting, string account, decimal amount) => new()
    {
        ["Amount"] = amount, ["DetailType"] = "JournalEntryLineDetail",
        ["JournalEntryLineDetail"] = new JsonObject
        {
            ["PostingType"] = posting, ["AccountRef"] = new JsonObject { ["value"] = account },
            ["Entity"] = new JsonObject { ["Type"] = "Vendor", ["EntityRef"] = new JsonObject { ["value"] = "46" } },
            ["ClassRef"] = new JsonObject { ["value"] = "300", ["name"] = "Kitchen" },
        },
    };
}
