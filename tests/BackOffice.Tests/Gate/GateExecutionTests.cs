using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;

namespace BackOffice.Tests.Gate;

public sealed class GateExecutionTests : IDisposable
{
    private const string Bills = "SELECT COUNT(*) FROM ledger_bills";
    private readonly GateFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    private async Task<long> ApprovedAsync()
    {
        await _f.SeedAsync();
        var id = await _f.SubmitAsync();
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        return id;
    }

    [Fact]
    public async Task Execute_MasterSwitchOff_RefusedAndNothingWritten()
    {
        var id = await ApprovedAsync();
        await _f.Switches.SetAgentWritesAsync(_f.Path, GateFixture.Admin, "financial", true, _ct);
        var refused = await Assert.ThrowsAsync<WritesDisabledException>(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.Equal("master", refused.Switch);
        Assert.Equal(0, await _f.CountAsync(Bills));
        Assert.Equal(0, await _f.CountAsync("SELECT COUNT(*) FROM proposal_executions"));
        Assert.Equal(ProposalStates.Approved, (await _f.Gate.GetAsync(_f.Path, id, _ct)).State);
    }

    [Fact]
    public async Task Execute_AgentSwitchOff_RefusedNamingTheAgent()
    {
        var id = await ApprovedAsync();
        await _f.Switches.SetMasterAsync(_f.Path, GateFixture.Admin, true, _ct);
        var refused = await Assert.ThrowsAsync<WritesDisabledException>(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.Equal("agent:financial", refused.Switch);
        Assert.Equal(0, await _f.CountAsync(Bills));
    }

    [Fact]
    public async Task Execute_SwitchesOn_WritesOneSandboxBill()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        var executed = await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        Assert.Equal((ProposalStates.Executed, "sbx-bill-1"), (executed.State, executed.TargetId));
        Assert.Equal(123450, await _f.CountAsync("SELECT total_cents FROM ledger_bills WHERE id = 'sbx-bill-1' AND origin = 'sandbox'"));
    }

    [Fact]
    public async Task Execute_TwoAtOnce_OneBill()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        var outcomes = await Outcomes.OfAsync(
            Task.Run(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct)),
            Task.Run(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.OtherLead, id, _ct)));
        Assert.Equal(1, outcomes.Succeeded);
        Assert.IsType<ProposalConflictException>(Assert.Single(outcomes.Errors));
        Assert.Equal(1, await _f.CountAsync(Bills));
    }

    [Fact]
    public async Task Execute_CrashAfterTargetWrote_ResumeAfterLeaseRecordsTheSameBill()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        _f.Executor.Next = Crash.AfterWrite;
        await Assert.ThrowsAsync<OperationCanceledException>(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.Equal(ProposalStates.Executing, (await _f.Gate.GetAsync(_f.Path, id, _ct)).State);

        var live = await Assert.ThrowsAsync<ProposalConflictException>(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.OtherLead, id, _ct));
        Assert.Contains("being executed by lead@acme since", live.Message);

        _f.Clock.Advance(TimeSpan.FromSeconds(301));
        var resumed = await _f.Gate.ExecuteAsync(_f.Path, GateFixture.OtherLead, id, _ct);
        Assert.Equal((ProposalStates.Executed, "sbx-bill-1"), (resumed.State, resumed.TargetId));
        Assert.Equal(2, _f.Executor.TargetCalls);
        Assert.Equal(1, await _f.CountAsync(Bills));
    }

    [Fact]
    public async Task Execute_CrashBeforeTargetCalled_ResumeCreatesExactlyOne()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        _f.Executor.Next = Crash.BeforeWrite;
        await Assert.ThrowsAsync<OperationCanceledException>(() => _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.Equal(0, await _f.CountAsync(Bills));
        _f.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(ProposalStates.Executed, (await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct)).State);
        Assert.Equal(1, await _f.CountAsync(Bills));
        Assert.Equal(1, await _f.CountAsync("SELECT COUNT(*) FROM proposal_executions"));
    }

    [Fact]
    public async Task Execute_TargetRefuses_FailedWithErrorThenRetryable()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        _f.Executor.Next = Crash.Refuse;
        var failed = await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        Assert.Equal(ProposalStates.Failed, failed.State);
        Assert.Contains("simulated refusal", failed.Error);
        Assert.Equal(0, await _f.CountAsync(Bills));
        Assert.Equal(ProposalStates.Executed, (await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct)).State);
        Assert.Equal(1, await _f.CountAsync(Bills));
    }

    [Fact]
    public async Task Execute_VendorInactive_FailedBeforeExecutionWithPlainReasonAndNothingClaimed()
    {
        await _f.SeedAsync();
        await _f.EnableWritesAsync();
        var id = await _f.SubmitAsync(GateFixture.BillDraft(vendorId: "v-2"));
        await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, _ct);
        var failed = await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        Assert.Equal(ProposalStates.Failed, failed.State);
        Assert.Equal("Not executed, the proposal is not valid: vendor_id: vendor 'v-2' is inactive.", failed.Error);
        Assert.Equal(0, await _f.CountAsync(Bills));
        Assert.Equal(0, await _f.CountAsync("SELECT COUNT(*) FROM proposal_executions"));
        Assert.Equal(0, _f.Executor.TargetCalls);
        Assert.Equal(ProposalStates.Failed, (await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct)).State);
    }

    [Fact]
    public async Task Undo_AfterExecute_RestoresLedgerTablesExactly()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        var before = await _f.LedgerSnapshotAsync();
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        Assert.NotEqual(before, await _f.LedgerSnapshotAsync());
        var undone = await _f.Gate.UndoAsync(_f.Path, GateFixture.OtherLead, id, _ct);
        Assert.Equal(ProposalStates.Reverted, undone.State);
        Assert.Equal(before, await _f.LedgerSnapshotAsync());
    }

    [Fact]
    public async Task Undo_Twice_SecondIsConflict()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        await _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct);
        var conflict = await Assert.ThrowsAsync<ProposalConflictException>(() => _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct));
        Assert.Contains("reverted", conflict.Message);
    }

    [Fact]
    public async Task Undo_TwoAtOnce_OneDeletes()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        var outcomes = await Outcomes.OfAsync(
            Task.Run(() => _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct)),
            Task.Run(() => _f.Gate.UndoAsync(_f.Path, GateFixture.OtherLead, id, _ct)));
        Assert.Equal(1, outcomes.Succeeded);
        Assert.Equal(0, await _f.CountAsync(Bills));
    }

    [Fact]
    public async Task FullLifecycle_AuditChain_InOrderAndVerifies()
    {
        var id = await ApprovedAsync();
        await _f.EnableWritesAsync();
        await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, _ct);
        await _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, _ct);
        var events = await _f.AuditEventsAsync();
        Assert.Equal(
            ["proposal.created", "proposal.approved", "proposal.execution-started", "proposal.executed", "proposal.undo-started", "proposal.undone"],
            events.Where(e => e.Subject == $"proposal:{id}").Select(e => e.Kind));
        Assert.Equal(2, events.Count(e => e.Kind == "switch.toggled"));
        Assert.Null(AuditVerifier.Verify(events, null, await _f.Path.AuditKeyAsync(_ct)).Break);
    }
}
