using System.Text.Json.Nodes;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Identity;
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

/// <summary>Issue 4: a finance lead's edit of a drafted bill's GL account changes the next sweep's proposal for that vendor and cost code.</summary>
public sealed class LearnedGlTests : IDisposable
{
    private static readonly Actor Lead = FinancialGateHarness.Lead;
    private static readonly Actor Admin = FinancialGateHarness.Admin;
    private readonly FinancialGateHarness _h = new();

    public void Dispose() => _h.Dispose();

    private TenantData Path => _h.Temp.Tenant("acme");

    private async Task<SweepOutcome> SweepAsync() =>
        await _h.Runner.RunAsync("acme", "financial", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None);

    private async Task SeedAsync(bool planAccountActive = true)
    {
        await TenantSeed.BaseAsync(Path);
        await using var c = await Path.OpenAsync(CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES ('acct-5200', '5200', 'Plumbing Subcontract', 'Cost of Goods Sold', @a, 'x')",
            new { a = planAccountActive ? 1 : 0 });
        await TenantSeed.SubInvoiceAsync(Path, "si-1", "RP-007", "approved", 1_840_000, 184_000);
    }

    /// <summary>The lead moves cost code 22-000 of the first bill to 5200, approves and executes it.</summary>
    private async Task LeadEditsAndExecutesTheFirstBillAsync()
    {
        var first = Assert.Single((await SweepAsync()).Proposals, p => p.ActionKind == CreateBillPayload.Kind);
        Assert.Equal("acct-5100", (string?)first.Payload["lines"]![0]!["account_id"]);
        await using (var c = await Path.OpenAsync(CancellationToken.None))
        {
            var id = await c.ExecuteScalarAsync<long>("SELECT id FROM proposals WHERE idempotency_key = @k", new { k = first.IdempotencyKey });
            var lines = first.Payload["lines"]!.DeepClone().AsArray();
            lines[0]!["account_id"] = "acct-5200";
            await _h.Gate.EditAsync(Path, Lead, id, new JsonObject { ["lines"] = lines }, CancellationToken.None);
            await _h.Gate.ApproveAsync(Path, Lead, id, CancellationToken.None);
            var switches = new GateSwitches(_h.Clock, new AuditStore(_h.Clock));
            await switches.SetMasterAsync(Path, Admin, true, CancellationToken.None);
            await switches.SetAgentWritesAsync(Path, Admin, "financial", true, CancellationToken.None);
            await _h.Gate.ExecuteAsync(Path, Lead, id, CancellationToken.None);
        }

        await TenantSeed.SubInvoiceAsync(Path, "si-2", "RP-008", "approved", 500_000, 50_000);
    }

    [Fact]
    public async Task Sweep_AfterALeadsExecutedEdit_ProposesTheRememberedAccountAndSaysWhy()
    {
        await SeedAsync();
        await LeadEditsAndExecutesTheFirstBillAsync();

        var next = Assert.Single((await SweepAsync()).Proposals, p => p.ActionKind == CreateBillPayload.Kind);

        Assert.Equal("RP-008", (string?)next.Payload["doc_number"]);
        Assert.Equal(["acct-5200", "acct-2150"], next.Payload["lines"]!.AsArray().Select(l => (string)l!["account_id"]!));
        Assert.Contains("Plumbing Subcontract because a finance lead chose it for this vendor", next.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_RememberedAccountNoLongerActive_KeepsTheCostCodeTablesAccount()
    {
        await SeedAsync();
        await LeadEditsAndExecutesTheFirstBillAsync();
        await using (var c = await Path.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("UPDATE ledger_accounts SET active = 0 WHERE id = 'acct-5200'");
        }

        var next = Assert.Single((await SweepAsync()).Proposals, p => p.ActionKind == CreateBillPayload.Kind);

        Assert.Equal("acct-5100", (string?)next.Payload["lines"]![0]!["account_id"]);
        Assert.DoesNotContain("Remembered", next.Narrative, StringComparison.Ordinal);
    }
}
