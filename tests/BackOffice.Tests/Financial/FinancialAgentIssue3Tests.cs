using System.Text.Json.Nodes;
using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Financial;

public sealed class FinancialAgentIssue3Tests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TenantData Path => _temp.Tenant("acme");

    private async Task<SweepResult> SweepAsync() =>
        await new FinancialAgent(new FinancialOptions()).SweepAsync(new SweepContext(Path, new DateOnly(2026, 11, 20), new Progress<string>(), null), CancellationToken.None);

    [Fact]
    public async Task Sweep_CleanBooks_FindsAndProposesNothing()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        var result = await SweepAsync();
        Assert.Empty(result.Findings);
        Assert.Empty(result.Proposals);
    }

    [Fact]
    public async Task Sweep_UnappliedPayment_IsAnInfoFindingWithLedgerProvenance()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.ExecAsync(Path, "UPDATE ledger_payments SET total_cents = 3100000, unapplied_cents = 400000 WHERE id = 'pmt-1'");

        var finding = Assert.Single((await SweepAsync()).Findings);

        Assert.Equal(("financial:reconciliation:payment-unapplied:pmt-1", Severity.Info), (finding.Key, finding.Severity));
        var ledger = finding.Figures.Single(f => f.Name == "ledger_amount");
        Assert.Equal("4000.00", ledger.Value);
        Assert.Contains(ledger.Sources, s => s.Table == "ledger_payments" && s.Id == "pmt-1");
    }

    [Fact]
    public async Task Sweep_MiscodedCost_ProposesABalancedReclassWithAStableKey()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.MiscodedJournalAsync(Path);

        var first = await SweepAsync();
        var proposal = Assert.Single(first.Proposals);

        Assert.Equal((ReclassPayload.Kind, RiskClass.Money), (proposal.ActionKind, proposal.Risk));
        var lines = proposal.Payload["lines"]!.AsArray();
        Assert.Equal(["acct-5100:Debit:685.00", "acct-5300:Credit:685.00"], lines.Select(l => $"{l!["account_id"]}:{l["posting_type"]}:{l["amount"]}"));
        Assert.True(proposal.IdempotencyKey.Length <= 50);
        Assert.Equal(proposal.IdempotencyKey, (await SweepAsync()).Proposals.Single().IdempotencyKey);
    }

    [Fact]
    public async Task Reclass_Executed_ClearsTheFindingAndUndoRestoresIt()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.MiscodedJournalAsync(Path);
        var proposal = (await SweepAsync()).Proposals.Single();
        var executor = new ReclassJournalExecutor(new SandboxLedger(new ManualClock()));
        var request = new ActionRequest(Path, 7, proposal.IdempotencyKey, proposal.Payload);

        var prior = await executor.CapturePriorStateAsync(request, CancellationToken.None);
        var outcome = await executor.ExecuteAsync(request, CancellationToken.None);
        Assert.Equal(outcome.TargetId, (await executor.ExecuteAsync(request, CancellationToken.None)).TargetId);
        var after = await SweepAsync();
        Assert.Empty(after.Proposals);
        Assert.DoesNotContain(after.Findings, f => f.Check == "reconciliation");

        await executor.UndoAsync(request, prior, outcome, CancellationToken.None);
        Assert.Single((await SweepAsync()).Proposals);
    }

    [Fact]
    public async Task Sweep_PurchaseOrderMissingTheApprovedChangeOrder_SaysToMirrorIt()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.ExecAsync(Path, """
            INSERT INTO project_change_orders (id, job_id, kind, commitment_id, number, status, amount_cents, cost_code, approved_date, row_hash)
                VALUES ('co-1', 'job-1', 'commitment', 'c-1', 'CCO-1', 'approved', 185000, '22-000', '2026-11-09', 'x');
            """);

        var finding = Assert.Single((await SweepAsync()).Findings, f => f.Check == "reconciliation");

        Assert.Equal("financial:reconciliation:change-order-missing-in-ledger:c-1", finding.Key);
        Assert.Equal("-1850.00", finding.Figures.Single(f => f.Name == "difference").Value);
        Assert.Contains("Mirror the change order", finding.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_LossJob_IsACriticalFinding()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.ExecAsync(Path, "UPDATE project_budget_lines SET pm_estimate_at_completion_cents = 11000000 WHERE id = 'bl-2'");

        var findings = (await SweepAsync()).Findings;

        var loss = Assert.Single(findings, f => f.Check == "loss-job");
        Assert.Equal(Severity.Critical, loss.Severity);
        Assert.Equal("-30000.00", loss.Figures.Single(f => f.Name == "estimated_gross_profit").Value);
        Assert.Contains(findings, f => f.Key == "financial:variance:job-1:09-900" && f.Severity == Severity.Critical);
    }

    [Fact]
    public async Task Sweep_AmbiguousVendor_ProposesARoutineLinkThatIsRememberedOnceExecuted()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.ExecAsync(Path, """
            UPDATE ledger_vendors SET name = 'Rivera Plumbing & Heating' WHERE id = 'lv-1';
            INSERT INTO ledger_vendors (id, name, active, row_hash) VALUES ('lv-2', 'Rivera Plumbing Supply', 1, 'x');
            """);
        var proposal = Assert.Single((await SweepAsync()).Proposals, p => p.ActionKind == LinkRecordsPayload.Kind);
        Assert.Equal((RiskClass.Routine, "pv-1"), (proposal.Risk, (string?)proposal.Payload["project_id"]));
        Assert.Equal(["lv-1", "lv-2"], proposal.Payload["candidates"]!.AsArray().Select(n => (string)n!).Order());

        var edited = (JsonObject)proposal.Payload.DeepClone();
        edited["ledger_id"] = "lv-1";
        var executor = new LinkRecordsExecutor(new ManualClock());
        var request = new ActionRequest(Path, 9, proposal.IdempotencyKey, edited);
        var prior = await executor.CapturePriorStateAsync(request, CancellationToken.None);
        var outcome = await executor.ExecuteAsync(request, CancellationToken.None);

        Assert.DoesNotContain((await SweepAsync()).Proposals, p => p.ActionKind == LinkRecordsPayload.Kind);
        await executor.UndoAsync(request, prior, outcome, CancellationToken.None);
        Assert.Single((await SweepAsync()).Proposals, p => p.ActionKind == LinkRecordsPayload.Kind);
    }
}
