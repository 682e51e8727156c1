using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Proposals;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Gate;

/// <summary>
/// Issue 19: a crash-point matrix for execute and undo. Each point is a database write of the step (the gate's claim,
/// the target's write, the gate's finish); a trigger aborts exactly that write, as a process killed there would leave
/// the transaction uncommitted. After the "restart" (trigger dropped, pools closed, the lease expired) the work is
/// retried until it completes, and the books show exactly one effect and an intact keyed audit chain.
/// </summary>
public sealed class CrashPointMatrixTests : IDisposable
{
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    public static TheoryData<string, string> ExecutePoints => new()
    {
        { "claim: proposal to executing", "BEFORE UPDATE ON proposals WHEN NEW.state = 'executing'" },
        { "claim: execution record", "BEFORE INSERT ON proposal_executions" },
        { "claim: execution-started event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.execution-started'" },
        { "target: bill row", "BEFORE INSERT ON ledger_bills" },
        { "target: request id record", "BEFORE INSERT ON sandbox_requests" },
        { "finish: proposal to executed", "BEFORE UPDATE ON proposals WHEN NEW.state = 'executed'" },
        { "finish: execution outcome", "BEFORE UPDATE ON proposal_executions WHEN NEW.completed_at IS NOT NULL" },
        { "finish: executed event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.executed'" },
    };

    public static TheoryData<string, string> UndoPoints => new()
    {
        { "claim: undo claim", "BEFORE UPDATE ON proposals WHEN NEW.undo_by IS NOT NULL AND OLD.undo_by IS NULL" },
        { "claim: undo-started event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.undo-started'" },
        { "target: bill delete", "BEFORE DELETE ON ledger_bills" },
        { "target: request id record", "BEFORE INSERT ON sandbox_requests" },
        { "finish: proposal to reverted", "BEFORE UPDATE ON proposals WHEN NEW.state = 'reverted'" },
        { "finish: execution undone", "BEFORE UPDATE ON proposal_executions WHEN NEW.undone_at IS NOT NULL" },
        { "finish: undone event", "BEFORE INSERT ON audit_events WHEN NEW.kind = 'proposal.undone'" },
    };

    [Theory]
    [MemberData(nameof(ExecutePoints))]
    public async Task Execute_CrashAtEachWrite_RestartEndsWithExactlyOneBillAndAnIntactChain(string point, string trigger)
    {
        var id = await ApprovedAsync();
        await CrashOnceAsync(trigger, () => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.NotEqual(ProposalStates.Executed, (await _f.Gate.GetAsync(_f.Path, id, _ct)).State);

        var row = await RetryUntilAsync(id, ProposalStates.Executed, () => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));

        Assert.Equal((ProposalStates.Executed, 1L, 1L), (row.State, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bills"),
            await _f.CountAsync("SELECT COUNT(*) FROM sandbox_requests")));
        Assert.Equal(1, (await _f.AuditEventsAsync()).Count(e => e.Kind == "proposal.executed"));
        await AssertChainIntactAsync(point);
    }

    [Theory]
    [MemberData(nameof(UndoPoints))]
    public async Task Undo_CrashAtEachWrite_RestartEndsWithTheBillGoneOnceAndAnIntactChain(string point, string trigger)
    {
        var id = await ApprovedAsync();
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        await CrashOnceAsync(trigger, () => _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.NotEqual(ProposalStates.Reverted, (await _f.Gate.GetAsync(_f.Path, id, _ct)).State);

        var row = await RetryUntilAsync(id, ProposalStates.Reverted, () => _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct));

        Assert.Equal((ProposalStates.Reverted, 0L, 2L), (row.State, await _f.CountAsync("SELECT COUNT(*) FROM ledger_bills"),
            await _f.CountAsync("SELECT COUNT(*) FROM sandbox_requests")));
        Assert.Equal(1, (await _f.AuditEventsAsync()).Count(e => e.Kind == "proposal.undone"));
        await AssertChainIntactAsync(point);
    }

    private async Task<long> ApprovedAsync()
    {
        await _f.SeedAsync();
        var id = await _f.SubmitAsync();
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        await _f.EnableWritesAsync();
        return id;
    }

    private Task CrashOnceAsync(string trigger, Func<Task<ProposalRow>> step) => CrashSeams.CrashOnceAsync(_f.Path, trigger, step);

    private Task<ProposalRow> RetryUntilAsync(long id, string state, Func<Task<ProposalRow>> step) =>
        CrashSeams.RetryUntilAsync(_f.Gate, _f.Path, _f.Clock, _f.LeaseSeconds, id, state, step);

    private async Task AssertChainIntactAsync(string point)
    {
        var walk = AuditVerifier.Verify(await _f.AuditEventsAsync(), null, await _f.Path.AuditKeyAsync(_ct));
        Assert.True(walk.Break is null, $"{point}: {walk.Break?.Reason}");
    }
}
