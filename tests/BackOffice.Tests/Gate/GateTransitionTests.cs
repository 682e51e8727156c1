using System.Text.Json.Nodes;
using BackOffice.Kernel.Gate;

namespace BackOffice.Tests.Gate;

/// <summary>The state machine through the gate: every state against every verb, allowed or 409.</summary>
public sealed class GateTransitionTests : IDisposable
{
    private readonly GateFixture _f = new();

    public void Dispose() => _f.Dispose();

    /// <summary>Drives a fresh proposal into <paramref name="state"/> the way production would.</summary>
    private async Task<long> ArrangeAsync(string state)
    {
        await _f.SeedAsync();
        await _f.EnableWritesAsync();
        var ct = CancellationToken.None;
        var id = await _f.SubmitAsync(GateFixture.BillDraft(findingKey: "finding-1"));
        switch (state)
        {
            case "proposed":
                break;
            case "rejected":
                await _f.Gate.RejectAsync(_f.Path, GateFixture.Lead, id, "duplicate", ct);
                break;
            case "superseded":
                await _f.SubmitAsync(GateFixture.BillDraft(key: "fin:bill:SI-1001:v2", findingKey: "finding-1"));
                break;
            default:
                await _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, id, ct);
                break;
        }

        if (state is "executing" or "executed" or "failed" or "reverted")
        {
            _f.Executor.Next = state switch { "executing" => Crash.AfterWrite, "failed" => Crash.Refuse, _ => Crash.None };
            try
            {
                await _f.Gate.ExecuteAsync(_f.Path, GateFixture.Lead, id, ct);
            }
            catch (OperationCanceledException)
            {
                // The simulated crash: the proposal stays executing with a live lease.
            }
        }

        if (state == "reverted")
        {
            await _f.Gate.UndoAsync(_f.Path, GateFixture.Lead, id, ct);
        }

        Assert.Equal(state, (await _f.Gate.GetAsync(_f.Path, id, ct)).State);
        return id;
    }

    private Task<BackOffice.Store.Proposals.ProposalRow> ActAsync(string verb, long id) => verb switch
    {
        "approve" => _f.Gate.ApproveAsync(_f.Path, GateFixture.OtherLead, id, CancellationToken.None),
        "reject" => _f.Gate.RejectAsync(_f.Path, GateFixture.OtherLead, id, "not needed", CancellationToken.None),
        "edit" => _f.Gate.EditAsync(_f.Path, GateFixture.OtherLead, id, new JsonObject { ["memo"] = "edited" }, CancellationToken.None),
        "execute" => _f.Gate.ExecuteAsync(_f.Path, GateFixture.OtherLead, id, CancellationToken.None),
        "undo" => _f.Gate.UndoAsync(_f.Path, GateFixture.OtherLead, id, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(verb)),
    };

    [Theory]
    [InlineData("proposed", "approve", "approved")]
    [InlineData("proposed", "reject", "rejected")]
    [InlineData("proposed", "edit", "proposed")]
    [InlineData("approved", "execute", "executed")]
    [InlineData("failed", "execute", "executed")]
    [InlineData("executed", "undo", "reverted")]
    [InlineData("approved", "reject", "rejected")]
    [InlineData("approved", "edit", "proposed")]
    [InlineData("failed", "reject", "rejected")]
    public async Task Verb_AllowedFromState_MovesToExpectedState(string from, string verb, string to)
    {
        var id = await ArrangeAsync(from);
        Assert.Equal(to, (await ActAsync(verb, id)).State);
    }

    [Theory]
    [InlineData("proposed", "execute")]
    [InlineData("proposed", "undo")]
    [InlineData("approved", "approve")]
    [InlineData("approved", "undo")]
    [InlineData("rejected", "approve")]
    [InlineData("rejected", "execute")]
    [InlineData("superseded", "approve")]
    [InlineData("superseded", "execute")]
    [InlineData("executing", "approve")]
    [InlineData("executing", "execute")]
    [InlineData("executing", "undo")]
    [InlineData("executed", "approve")]
    [InlineData("executed", "execute")]
    [InlineData("executed", "edit")]
    [InlineData("failed", "approve")]
    [InlineData("failed", "undo")]
    [InlineData("failed", "edit")]
    [InlineData("reverted", "undo")]
    [InlineData("reverted", "execute")]
    [InlineData("reverted", "approve")]
    public async Task Verb_RefusedFromState_ThrowsConflictNamingTheState(string from, string verb)
    {
        var id = await ArrangeAsync(from);
        var conflict = await Assert.ThrowsAsync<ProposalConflictException>(() => ActAsync(verb, id));
        Assert.Equal(from, conflict.CurrentState);
        Assert.Contains(from, conflict.Message);
        Assert.Equal(from, (await _f.Gate.GetAsync(_f.Path, id, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Approve_UnknownId_ThrowsNotFound()
    {
        await _f.SeedAsync();
        await Assert.ThrowsAsync<ProposalNotFoundException>(() => _f.Gate.ApproveAsync(_f.Path, GateFixture.Lead, 42, CancellationToken.None));
    }
}
