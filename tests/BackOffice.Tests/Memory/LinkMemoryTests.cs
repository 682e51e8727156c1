using System.Text.Json.Nodes;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Sandbox;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Memory;

/// <summary>
/// Issue 4: a link a person confirmed (map.link executed) is remembered by name, so a new project record with the same
/// name (here the vendor as a second project system keys it, pv-9) is linked to the confirmed ledger vendor without a new
/// question, and its approved invoice drafts a bill for that vendor. Explicit mappings win, an inactive ledger record is
/// not used, and undo forgets.
/// </summary>
public sealed class LinkMemoryTests : IDisposable
{
    private static readonly Actor Lead = FinancialGateHarness.Lead;
    private static readonly Actor Admin = FinancialGateHarness.Admin;
    private readonly FinancialGateHarness _h = new(clock => new LinkRecordsExecutor(clock));

    public void Dispose() => _h.Dispose();

    private TenantData Path => _h.Temp.Tenant("acme");

    private async Task<IReadOnlyList<ProposalDraft>> SweepAsync() =>
        (await _h.Runner.RunAsync("acme", "financial", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None)).Proposals;

    private async Task ExecAsync(string sql)
    {
        await using var c = await Path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync(sql);
    }

    private async Task<long> IdOfAsync(ProposalDraft draft)
    {
        await using var c = await Path.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM proposals WHERE idempotency_key = @k", new { k = draft.IdempotencyKey });
    }

    /// <summary>pv-1 could be either of two ledger vendors; dana picks lv-2 (not the matcher's best guess) and executes the link.</summary>
    private async Task<long> LeadConfirmsTheLinkAsync()
    {
        await TenantSeed.BaseAsync(Path);
        await ExecAsync("""
            UPDATE ledger_vendors SET name = 'Rivera Plumbing & Heating' WHERE id = 'lv-1';
            INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('lv-2', 'Rivera Plumbing Supply', 1, 'x');
            """);
        var link = Assert.Single(await SweepAsync(), p => p.ActionKind == LinkRecordsPayload.Kind);
        var id = await IdOfAsync(link);
        await _h.Gate.EditAsync(Path, Lead, id, new JsonObject { ["ledger_id"] = "lv-2" }, CancellationToken.None);
        await _h.Gate.ApproveAsync(Path, Lead, id, CancellationToken.None);
        var switches = new GateSwitches(_h.Clock, new AuditStore(_h.Clock));
        await switches.SetMasterAsync(Path, Admin, true, CancellationToken.None);
        await switches.SetAgentWritesAsync(Path, Admin, "financial", true, CancellationToken.None);
        await _h.Gate.ExecuteAsync(Path, Lead, id, CancellationToken.None);
        // One sweep after execution learns the link while pv-1 is still there to name it.
        Assert.DoesNotContain(await SweepAsync(), p => p.ActionKind == LinkRecordsPayload.Kind);
        return id;
    }

    /// <summary>The same vendor arrives under another id with an approved invoice that has no bill.</summary>
    private async Task SameVendorUnderANewIdAsync() => await ExecAsync("""
        INSERT INTO project_vendors (id, name, row_hash) VALUES ('pv-9', 'RIVERA PLUMBING, LLC', 'x');
        INSERT INTO project_commitments (id, job_id, vendor_id, number, kind, status, retainage_bp, row_hash)
            VALUES ('c-9', 'job-1', 'pv-9', 'SC-009', 'subcontract', 'approved', 1000, 'x');
        INSERT INTO project_sub_invoices (id, commitment_id, number, invoice_date, amount_cents, retainage_cents, status, row_hash)
            VALUES ('si-9', 'c-9', 'RP-090', '2026-11-03', 500000, 50000, 'approved', 'x');
        INSERT INTO project_sub_invoice_lines (id, sub_invoice_id, cost_code, description, amount_cents, row_hash)
            VALUES ('si-9-l1', 'si-9', '22-000', 'Rough-in', 500000, 'x');
        """);

    private static string? BillVendor(IReadOnlyList<ProposalDraft> proposals) =>
        proposals.Where(p => p.ActionKind == CreateBillPayload.Kind && (string?)p.Payload["doc_number"] == "RP-090")
            .Select(p => (string?)p.Payload["vendor_id"]).SingleOrDefault();

    [Fact]
    public async Task Sweep_NewRecordWithAConfirmedName_IsLinkedFromMemoryWithoutAskingAgain()
    {
        await LeadConfirmsTheLinkAsync();
        await SameVendorUnderANewIdAsync();

        var proposals = await SweepAsync();

        Assert.DoesNotContain(proposals, p => p.ActionKind == LinkRecordsPayload.Kind);
        Assert.Equal("lv-2", BillVendor(proposals));
    }

    [Fact]
    public async Task Sweep_ExplicitMappingForTheNewRecord_WinsOverMemory()
    {
        await LeadConfirmsTheLinkAsync();
        await SameVendorUnderANewIdAsync();
        await ExecAsync("INSERT INTO map_links (id, kind, project_id, ledger_id, row_hash) VALUES ('l-9', 'vendor', 'pv-9', 'lv-1', 'x')");

        Assert.Equal("lv-1", BillVendor(await SweepAsync()));
    }

    [Fact]
    public async Task Sweep_RememberedLedgerVendorInactive_DoesNotUseIt()
    {
        await LeadConfirmsTheLinkAsync();
        await SameVendorUnderANewIdAsync();
        await ExecAsync("UPDATE ledger_vendors SET active = 0 WHERE id = 'lv-2'");

        Assert.NotEqual("lv-2", BillVendor(await SweepAsync()));
    }

    [Fact]
    public async Task Sweep_ConfirmedLinkUndone_ForgetsItAndAsksAgain()
    {
        var id = await LeadConfirmsTheLinkAsync();
        await _h.Gate.UndoAsync(Path, Lead, id, CancellationToken.None);
        await SameVendorUnderANewIdAsync();

        var proposals = await SweepAsync();

        Assert.Null(BillVendor(proposals));
        Assert.Contains(proposals, p => p.ActionKind == LinkRecordsPayload.Kind && (string?)p.Payload["project_id"] == "pv-9");
    }
}
