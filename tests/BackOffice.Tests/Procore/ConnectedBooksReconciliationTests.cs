using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Support.Procore;
using BackOffice.Tests.Support.QuickBooks;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Procore;

/// <summary>
/// Issue 14's end to end across both connectors: one tenant connected to the fake Procore (its seeded project: subcontract
/// SC-004 of $50,000.00 with an approved $5,000.00 change order, PO-007 of $4,000.00, requisition ABC-1187 of $20,000.00
/// holding $2,000.00, pay application #1 due $40,095.00 holding $4,455.00) and to the fake QuickBooks keeping the same
/// books the way a contractor keys them (the job as a sub-customer, both purchase orders, the sub's bill with its
/// retainage line, the owner invoice with its retainage on the tenant's RetainageItem). Both synced, the Financial sweep's
/// reconciliation worklist is empty; then drift planted on each side and synced again is found, and only that.
/// </summary>
public sealed class ConnectedBooksReconciliationTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly AsOf = new(2026, 11, 20);

    [Fact]
    public async Task SyncBothSweep_BooksThatAgree_NoReconciliationItem_ThenDriftOnEachSide_FoundAndOnlyIt()
    {
        await using var qbo = await FakeQuickBooks.StartAsync();
        var settings = QuickBooksHarness.SettingsFor(qbo);
        settings["QuickBooks:RetainageItem"] = "Retainage";
        await using var h = await ProcoreHarness.StartAsync(settings);
        var project = h.Seed(1)[0];
        SeedAgreeingBooks(qbo);
        await h.ConnectServiceAccountAsync();
        await QuickBooksHarness.ConnectAsync(h.Get<QuickBooksConnections>(), h.Tenant);
        await SyncBothAsync(h);

        var agreeing = await ReconciliationAsync(h);

        Assert.True(agreeing.Count == 0, "books that agree gave: " + string.Join("; ", agreeing.Select(f => f.Key + " " + f.Title)));

        // Project side: a second change order of $3,000.00 approved on SC-004 in Procore, not on the QuickBooks PO.
        h.Fake.Put($"commitment_change_orders:{project.Id}", new JsonObject
        {
            ["id"] = h.Fake.NextId(), ["contract_id"] = project.Subcontract, ["number"] = "002", ["title"] = "Extra pier", ["status"] = "approved",
            ["grand_total"] = "3000.00", ["executed"] = true, ["reviewed_at"] = "2026-06-10T16:00:00Z", ["type"] = "CommitmentChangeOrder",
        });
        // Ledger side: the sub's bill keyed in QuickBooks at $500.00 more than the requisition nets.
        qbo.Touch("Bill", "701", bill =>
        {
            bill["TotalAmt"] = 18_500.00m;
            bill["Line"]![0]!["Amount"] = 20_500.00m;
        });
        await SyncBothAsync(h);

        var drift = await ReconciliationAsync(h);

        Assert.Equal(
            [
                ("financial:reconciliation:commitment-amount-differs:pc-cmt-" + project.Subcontract, "58000.00", "55000.00", "-3000.00"),
                ("financial:reconciliation:sub-invoice-bill-differs:pc-req-" + project.Requisition, "18000.00", "18500.00", "500.00"),
            ],
            drift.Select(f => (f.Key, Figure(f, "project_amount"), Figure(f, "ledger_amount"), Figure(f, "difference"))).OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
    }

    private static async Task SyncBothAsync(ProcoreHarness h)
    {
        await h.Get<ProcoreSync>().SyncAsync(h.Tenant, full: false, null, Ct);
        await h.Get<QuickBooksSync>().SyncAsync(h.Tenant, full: false, null, Ct);
    }

    private static async Task<List<Finding>> ReconciliationAsync(ProcoreHarness h)
    {
        var agent = h.Services.GetServices<IAgent>().Single(a => a.Name == "financial");
        var result = await agent.SweepAsync(new SweepContext(h.Tenant, AsOf, new Progress<string>(), null), Ct);
        return [.. result.Findings.Where(f => f.Check == "reconciliation")];
    }

    private static string Figure(Finding finding, string name) => finding.Figures.Single(f => f.Name == name).Value;

    /// <summary>The fake Procore project's books as QuickBooks keeps them (keyed in before the first sync: CDC asks by whole seconds).</summary>
    private static void SeedAgreeingBooks(FakeQuickBooks qbo)
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        qbo.Add("Account", new JsonObject { ["Id"] = "64", ["Name"] = "Subcontractors", ["AcctNum"] = "5100", ["AccountType"] = "Cost of Goods Sold", ["Active"] = true }, before);
        qbo.Add("Account", new JsonObject { ["Id"] = "65", ["Name"] = "Retainage Payable", ["AcctNum"] = "2150", ["AccountType"] = "Other Current Liability", ["Active"] = true }, before);
        qbo.Add("Account", new JsonObject { ["Id"] = "66", ["Name"] = "Materials", ["AcctNum"] = "5200", ["AccountType"] = "Cost of Goods Sold", ["Active"] = true }, before);
        qbo.Add("Item", new JsonObject { ["Id"] = "1", ["Name"] = "Progress billing", ["Type"] = "Service", ["Active"] = true }, before);
        qbo.Add("Item", new JsonObject { ["Id"] = "2", ["Name"] = "Retainage", ["Type"] = "Service", ["Active"] = true }, before);
        qbo.Add("Customer", new JsonObject { ["Id"] = "58", ["DisplayName"] = "Anytown School District", ["FullyQualifiedName"] = "Anytown School District", ["Active"] = true }, before);
        qbo.Add("Customer", new JsonObject
        {
            ["Id"] = "59", ["DisplayName"] = "P-1: Project 1", ["FullyQualifiedName"] = "Anytown School District:P-1: Project 1", ["Job"] = true,
            ["ParentRef"] = new JsonObject { ["value"] = "58" }, ["Active"] = true,
        }, before);
        qbo.Add("Vendor", new JsonObject { ["Id"] = "46", ["DisplayName"] = "ABC Concrete", ["Active"] = true }, before);
        qbo.Add("Vendor", new JsonObject { ["Id"] = "47", ["DisplayName"] = "Summit Drywall & Paint", ["Active"] = true }, before);
        // SC-004 with its approved change order 001, and PO-007, as purchase orders on the job.
        qbo.Add("PurchaseOrder", PurchaseOrder("501", "SC-004", "46", "64", 55_000.00m), before);
        qbo.Add("PurchaseOrder", PurchaseOrder("502", "PO-007", "47", "66", 4_000.00m), before);
        // Requisition ABC-1187: $20,000.00 of work, $2,000.00 moved to Retainage Payable, $18,000.00 payable.
        qbo.Add("Bill", new JsonObject
        {
            ["Id"] = "701", ["DocNumber"] = "ABC-1187", ["TxnDate"] = "2026-04-28", ["TotalAmt"] = 18_000.00m, ["VendorRef"] = new JsonObject { ["value"] = "46" },
            ["Line"] = new JsonArray(QuickBooksHarness.ExpenseLine("1", "64", 20_000.00m), QuickBooksHarness.ExpenseLine("2", "65", -2_000.00m)),
        }, before);
        // Pay application #1: $44,550.00 of work less $4,455.00 withheld on the retainage item, $40,095.00 due.
        qbo.Add("Invoice", new JsonObject
        {
            ["Id"] = "801", ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["DocNumber"] = "1", ["TxnDate"] = "2026-04-30", ["DueDate"] = "2026-05-30",
            ["TotalAmt"] = 40_095.00m,
            ["Line"] = new JsonArray(SalesLine("1", 44_550.00m), SalesLine("2", -4_455.00m)),
        }, before);
    }

    private static JsonObject PurchaseOrder(string id, string number, string vendor, string account, decimal amount) => new()
    {
        ["Id"] = id, ["DocNumber"] = number, ["TxnDate"] = "2026-03-01", ["TotalAmt"] = amount, ["POStatus"] = "Open",
        ["VendorRef"] = new JsonObject { ["value"] = vendor }, ["Line"] = new JsonArray(QuickBooksHarness.ExpenseLine("1", account, amount)),
    };

    private static JsonObject SalesLine(string item, decimal amount) => new()
    {
        ["Amount"] = amount, ["DetailType"] = "SalesItemLineDetail",
        ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = new JsonObject { ["value"] = item } },
    };
}
