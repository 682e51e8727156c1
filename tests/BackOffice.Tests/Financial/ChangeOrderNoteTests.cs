using BackOffice.Agents.Financial;
using BackOffice.Agents.Financial.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Store.Financial;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Financial;

/// <summary>Issue 3: a change order on one side only becomes a Routine proposal to record a note; execute, retry, undo, re-sweep.</summary>
public sealed class ChangeOrderNoteTests : IDisposable
{
    private const string ApprovedNotOnPo = """
        INSERT INTO project_change_orders (id, job_id, kind, commitment_id, number, status, amount_cents, cost_code, approved_date, row_hash)
            VALUES ('co-1', 'job-1', 'commitment', 'c-1', 'CCO-1', 'approved', 185000, '22-000', '2026-11-09', 'x');
        """;

    private const string PoCarriesPending = """
        INSERT INTO project_change_orders (id, job_id, kind, commitment_id, number, status, amount_cents, cost_code, approved_date, row_hash)
            VALUES ('co-1', 'job-1', 'commitment', 'c-1', 'CCO-1', 'pending', 120000, '22-000', NULL, 'x');
        UPDATE ledger_purchase_orders SET total_cents = total_cents + 120000 WHERE id = 'po-1';
        """;

    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private TenantData Path => _temp.Tenant("acme");

    private async Task<IReadOnlyList<ProposalDraft>> NoteProposalsAsync() =>
        (await new FinancialAgent(new FinancialOptions()).SweepAsync(new SweepContext(Path, new DateOnly(2026, 11, 20), new Progress<string>(), null), CancellationToken.None))
        .Proposals.Where(p => p.ActionKind == ChangeOrderNotePayload.Kind).ToList();

    [Theory]
    [InlineData(ApprovedNotOnPo, "ledger", "change-order-missing-in-ledger:c-1", "$1,850.00")]
    [InlineData(PoCarriesPending, "project", "change-order-ledger-only:c-1", "$1,200.00")]
    public async Task Sweep_ChangeOrderOnOneSide_ProposesARoutineNote(string sql, string side, string item, string amount)
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.ExecAsync(Path, sql);

        var proposal = Assert.Single(await NoteProposalsAsync());

        Assert.Equal((RiskClass.Routine, side, "c-1"), (proposal.Risk, (string?)proposal.Payload["lacking_side"], (string?)proposal.Payload["commitment_id"]));
        Assert.Equal("financial:reconciliation:" + item, proposal.FindingKey);
        Assert.Contains(amount, (string)proposal.Payload["text"]!, StringComparison.Ordinal);
        Assert.True(proposal.Reversible);
        Assert.True(proposal.IdempotencyKey.Length <= 50);
        Assert.Equal(proposal.IdempotencyKey, Assert.Single(await NoteProposalsAsync()).IdempotencyKey);
    }

    [Fact]
    public async Task Note_ExecutedTwiceThenUndone_WritesOnceAndRestoresThePriorState()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        await FinancialSeed.ExecAsync(Path, ApprovedNotOnPo);
        var proposal = Assert.Single(await NoteProposalsAsync());
        var executor = new ChangeOrderNoteExecutor(new ManualClock());
        var request = new ActionRequest(Path, 11, proposal.IdempotencyKey, proposal.Payload);
        var store = new FinancialNoteStore(Path);

        var prior = await executor.CapturePriorStateAsync(request, CancellationToken.None);
        var outcome = await executor.ExecuteAsync(request, CancellationToken.None);
        var retry = await executor.ExecuteAsync(request with { ProposalId = 12 }, CancellationToken.None);

        Assert.Equal(outcome.TargetId, retry.TargetId);
        var note = await store.GetAsync(proposal.IdempotencyKey, CancellationToken.None);
        Assert.Equal(("c-1", "ledger", 11L), (note!.CommitmentId, note.LackingSide, note.ProposalId));
        Assert.Single(await store.KeysAsync(CancellationToken.None));
        Assert.Empty(await NoteProposalsAsync());

        await executor.UndoAsync(request, prior, outcome, CancellationToken.None);
        Assert.Empty(await store.KeysAsync(CancellationToken.None));
        Assert.Equal(proposal.IdempotencyKey, Assert.Single(await NoteProposalsAsync()).IdempotencyKey);
    }

    [Fact]
    public async Task Note_BadPayload_IsRefused()
    {
        await FinancialSeed.CleanBooksAsync(Path);
        var request = new ActionRequest(Path, 1, "k", new System.Text.Json.Nodes.JsonObject { ["commitment_id"] = "c-1", ["lacking_side"] = "both", ["text"] = "x" });
        await Assert.ThrowsAsync<ProposalPayloadException>(() => new ChangeOrderNoteExecutor(new ManualClock()).ExecuteAsync(request, CancellationToken.None));
    }
}
