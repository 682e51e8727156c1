using System.Text.Json.Nodes;
using BackOffice.Agents.Collections;
using BackOffice.Agents.Documents;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Store.Audit;
using BackOffice.Store.Collections;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Dapper;

namespace BackOffice.Tests.Books;

/// <summary>
/// Issue 12: a link a finance lead confirmed through the gate (map.link, financial_links) is part of the shared read
/// model, so the Documents and Collections agents resolve the record through it too, not only the Financial agent.
/// Each test first shows the agent cannot tell the record by name, then confirms the link and sweeps again.
/// </summary>
public sealed class SharedIdentityTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 20);
    private readonly FinancialGateHarness _h = new(clock => new LinkRecordsExecutor(clock));

    public void Dispose() => _h.Dispose();

    private TenantData Demo => _h.Temp.Tenant("demo");

    private async Task ImportDemoAsync(string sql)
    {
        var cli = new CliRunner(_h.Temp.Root);
        await cli.OkAsync("tenant", "create", "demo");
        await cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);
        await using var c = await Demo.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(sql);
    }

    /// <summary>What the lead does: a map.link proposal approved and executed through the gate.</summary>
    private async Task LeadConfirmsAsync(string kind, string projectId, string ledgerId)
    {
        var payload = new JsonObject { ["kind"] = kind, ["project_id"] = projectId, ["ledger_id"] = ledgerId, ["candidates"] = new JsonArray(ledgerId) };
        var draft = new ProposalDraft("financial", LinkRecordsPayload.Kind, $"Link {kind} {projectId} to {ledgerId}", RiskClass.Routine,
            $"test-link-{projectId}", payload, [], "Confirmed by the finance lead.", ["ledger_id"]);
        var id = Assert.Single((await _h.Gate.SubmitAsync(Demo, Actor.Agent("financial"), [draft], CancellationToken.None)).Created);
        await _h.Gate.ApproveAsync(Demo, FinancialGateHarness.Lead, id, CancellationToken.None);
        var switches = new GateSwitches(_h.Clock, new AuditStore(_h.Clock));
        await switches.SetMasterAsync(Demo, FinancialGateHarness.Admin, true, CancellationToken.None);
        await switches.SetAgentWritesAsync(Demo, FinancialGateHarness.Admin, "financial", true, CancellationToken.None);
        await _h.Gate.ExecuteAsync(Demo, FinancialGateHarness.Lead, id, CancellationToken.None);
    }

    private SweepContext Context => new(Demo, AsOf, new Progress<string>(), null);

    [Fact]
    public async Task Documents_VendorOnlyAConfirmedLinkNames_DraftsTheBillToTheLinkedLedgerVendor()
    {
        // The ledger knows Home Depot Pro by an account name no matcher could tie to the project vendor.
        await ImportDemoAsync("""
            UPDATE ledger_vendors SET name = 'HDP Account 0042' WHERE id = 'lv-64';
            INSERT INTO project_vendors (id, name, trade, row_hash) VALUES ('pv-09', 'Home Depot Pro', 'Materials', 'x');
            """);
        File.Copy(Path.Combine(RepoPaths.Root, "samples", "documents", "inbox", "home-depot-pro-HD-78211.txt"),
            Path.Combine(_h.Temp.Data.TenantFilesFolder("demo", "inbox"), "hd.txt"));
        static string? BillVendor(SweepResult r) =>
            r.Proposals.Where(p => p.ActionKind == CreateBillPayload.Kind).Select(p => (string?)p.Payload["vendor_id"]).SingleOrDefault();
        Assert.Null(BillVendor(await new DocumentsAgent().SweepAsync(Context, CancellationToken.None)));

        await LeadConfirmsAsync("vendor", "pv-09", "lv-64");

        Assert.Equal("lv-64", BillVendor(await new DocumentsAgent().SweepAsync(Context, CancellationToken.None)));
    }

    [Fact]
    public async Task Collections_JobOnlyAConfirmedLinkNames_AsksForItsRetainageRelease()
    {
        // The closed Garcia job's ledger twin was renamed, and retainage is still held on it.
        await ImportDemoAsync("""
            UPDATE ledger_customers SET name = 'Unit 4B', fully_qualified_name = 'Garcia, Maria:Unit 4B' WHERE id = 'cust-41';
            INSERT INTO ledger_invoices (id, customer_id, doc_number, txn_date, due_date, total_cents, retainage_cents, row_hash)
                VALUES ('inv-0950', 'cust-41', '0950', '2025-12-15', '2026-01-14', 1000000, 500000, 'x');
            """);
        var agent = new CollectionsAgent(new CollectionsOptions(), new OutboxOptions());
        const string key = "collections:retainage-release:job-094";
        Assert.DoesNotContain((await agent.SweepAsync(Context, CancellationToken.None)).Findings, f => f.Key == key);

        await LeadConfirmsAsync("job", "job-094", "cust-41");

        var finding = Assert.Single((await agent.SweepAsync(Context, CancellationToken.None)).Findings, f => f.Key == key);
        Assert.Contains(finding.Figures, f => f.Name == "retainage_receivable" && f.Sources.Any(s => s.Id == "cust-41"));
    }
}
