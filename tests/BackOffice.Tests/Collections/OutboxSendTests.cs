using System.Text.Json.Nodes;
using BackOffice.Agents.Collections.Actions;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Collections;

namespace BackOffice.Tests.Collections;

/// <summary>The dunning send through the gate and the outbox: undo inside the delay, refused once delivered (issue 5).</summary>
public sealed class OutboxSendTests : IDisposable
{
    private readonly CollectionsFixture _f = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _f.Dispose();

    private async Task<long> ExecutedSendAsync()
    {
        var id = await ApprovedSendAsync();
        await _f.Gate.ExecuteAsync(_f.Path, CollectionsFixture.Lead, id, _ct);
        return id;
    }

    private async Task<long> ApprovedSendAsync()
    {
        var id = await SubmittedSendAsync();
        await _f.Gate.ApproveAsync(_f.Path, CollectionsFixture.Lead, id, _ct);
        return id;
    }

    private async Task<long> SubmittedSendAsync()
    {
        await _f.SeedAsync();
        await _f.InvoiceAsync("inv-1047", "cust-2", CollectionsFixture.AsOf.AddDays(-20), 4_009_500);
        await _f.EnableWritesAsync();
        var draft = (await _f.SweepAsync()).Proposals.Single();
        return (await _f.Gate.SubmitAsync(_f.Path, BackOffice.Kernel.Abstractions.Identity.Actor.Agent("collections"), [draft], _ct)).Created.Single();
    }

    [Fact]
    public async Task Approve_MoneySendByAnApproverWhoIsNotALead_IsRefused()
    {
        var id = await SubmittedSendAsync();

        await Assert.ThrowsAsync<GateRefusedException>(() => _f.Gate.ApproveAsync(_f.Path, CollectionsFixture.Approver, id, _ct));
    }

    [Fact]
    public async Task Undo_InsideTheDelay_TakesTheMessageBackAndNothingIsDelivered()
    {
        var id = await ExecutedSendAsync();
        var key = (await _f.Gate.GetAsync(_f.Path, id, _ct)).IdempotencyKey;
        Assert.Equal(OutboxStates.Queued, (await _f.OutboxStore.GetAsync(key, _ct))!.State);
        _f.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, (await _f.DeliverAsync()).Delivered);

        await _f.Gate.UndoAsync(_f.Path, CollectionsFixture.Lead, id, _ct);
        _f.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Null(await _f.OutboxStore.GetAsync(key, _ct));
        Assert.Equal(0, (await _f.DeliverAsync()).Delivered);
        Assert.False(Directory.Exists(_f.OutboxFolder) && Directory.EnumerateFiles(_f.OutboxFolder).Any());
        Assert.Equal("reverted", (await _f.Gate.GetAsync(_f.Path, id, _ct)).State);
    }

    [Fact]
    public async Task Undo_AfterDelivery_IsRefusedAndTheMessageStaysDelivered()
    {
        var id = await ExecutedSendAsync();
        var key = (await _f.Gate.GetAsync(_f.Path, id, _ct)).IdempotencyKey;
        _f.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(1, (await _f.DeliverAsync()).Delivered);
        var eml = File.ReadAllText(Path.Combine(_f.OutboxFolder, key + ".eml"));
        Assert.Contains("To: john.smith@example.com", eml);
        Assert.Contains("$40,095.00", eml);

        await Assert.ThrowsAsync<OutboxAlreadyDeliveredException>(() => _f.Gate.UndoAsync(_f.Path, CollectionsFixture.Lead, id, _ct));
        Assert.Equal(OutboxStates.Delivered, (await _f.OutboxStore.GetAsync(key, _ct))!.State);
        Assert.Equal("executed", (await _f.Gate.GetAsync(_f.Path, id, _ct)).State);
        Assert.Equal(0, (await _f.DeliverAsync()).Delivered);
    }

    [Fact]
    public async Task Execute_BodyEditedWithAnInventedAmount_FailsAndQueuesNothing()
    {
        var id = await SubmittedSendAsync();
        await _f.Gate.EditAsync(_f.Path, CollectionsFixture.Lead, id, new JsonObject { ["body"] = "Please pay $40,095.00 plus a $250.00 fee." }, _ct);
        await _f.Gate.ApproveAsync(_f.Path, CollectionsFixture.Lead, id, _ct);

        var row = await _f.Gate.ExecuteAsync(_f.Path, CollectionsFixture.Lead, id, _ct);

        Assert.Equal("failed", row.State);
        Assert.Empty(await _f.OutboxStore.ListAsync(_ct));
    }

    [Fact]
    public async Task Execute_Twice_QueuesOneMessage()
    {
        var id = await ExecutedSendAsync();
        var row = await _f.Gate.GetAsync(_f.Path, id, _ct);

        var again = await new SendMessageExecutor(_f.Outbox).ExecuteAsync(
            new BackOffice.Kernel.Abstractions.Proposals.ActionRequest(_f.Path, id, row.IdempotencyKey, JsonNode.Parse(row.PayloadJson)!.AsObject()), _ct);

        Assert.Single(await _f.OutboxStore.ListAsync(_ct));
        Assert.Equal(row.TargetId, again.TargetId);
    }
}
