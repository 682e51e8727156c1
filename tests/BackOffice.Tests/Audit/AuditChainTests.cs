using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Audit;

public sealed class AuditChainTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new();

    public void Dispose() => _temp.Dispose();

    private async Task<SqliteConnection> SeedAsync(int events)
    {
        var tenant = _temp.Tenant("acme", _clock);
        var store = new AuditStore(_clock);
        for (var i = 1; i <= events; i++)
        {
            await store.AppendAloneAsync(tenant, "lead@acme", "proposal.approved", $"proposal:{i}", new JsonObject { ["amount"] = $"{i}00.00" }, CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        return await tenant.OpenAsync(CancellationToken.None);
    }

    private Task<AuditKey> KeyAsync() => AuditKeys.ForAsync(_temp.Data, CancellationToken.None);

    private async Task<AuditBreak?> VerifyAsync(IReadOnlyList<AuditEvent> events, (long, string)? anchor = null) =>
        AuditVerifier.Verify(events, anchor, await KeyAsync()).Break;

    private static async Task TamperAsync(SqliteConnection connection, string sql)
    {
        // Someone with the file in hand can drop the guard triggers; the chain must still show what they did.
        await connection.ExecuteAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;");
        await connection.ExecuteAsync(sql);
    }

    [Fact]
    public async Task Verify_IntactChain_FindsNothing()
    {
        await using var connection = await SeedAsync(5);
        Assert.Null(await VerifyAsync(await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None)));
    }

    [Fact]
    public async Task Update_ThroughSql_IsRefusedByTheDatabase()
    {
        await using var connection = await SeedAsync(2);
        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE audit_events SET actor = 'x' WHERE seq = 1"));
        Assert.Contains("append-only", error.Message);
        await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_events WHERE seq = 2"));
    }

    [Fact]
    public async Task Verify_EditedEvent_NamesIt()
    {
        await using var connection = await SeedAsync(5);
        await TamperAsync(connection, "UPDATE audit_events SET data_json = '{\"amount\":\"900.00\"}' WHERE seq = 3");
        var broken = await VerifyAsync(await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None));
        Assert.Equal(3, broken?.Seq);
        Assert.Contains("edited", broken!.Reason);
    }

    [Fact]
    public async Task Verify_RemovedEvent_NamesTheGap()
    {
        await using var connection = await SeedAsync(5);
        await TamperAsync(connection, "DELETE FROM audit_events WHERE seq = 2");
        var broken = await VerifyAsync(await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None));
        Assert.Equal(2, broken?.Seq);
    }

    [Fact]
    public async Task Verify_ReorderedEvents_IsDetected()
    {
        await using var connection = await SeedAsync(5);
        // Swap events 2 and 4 wholesale, keeping each row's own hash: only the chain links give it away.
        await TamperAsync(connection, "UPDATE audit_events SET seq = -2 WHERE seq = 2; UPDATE audit_events SET seq = 2 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = -2;");
        var broken = await VerifyAsync(await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None));
        Assert.Equal(2, broken?.Seq);
    }

    /// <summary>Issue 19: an event whose data is not JSON any more is named, not a crash of `audit verify`.</summary>
    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"amount\":")]
    public async Task Verify_EventDataNotJson_NamesTheEvent(string data)
    {
        await using var connection = await SeedAsync(5);
        await TamperAsync(connection, $"UPDATE audit_events SET data_json = '{data}' WHERE seq = 3");
        var broken = await VerifyAsync(await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None));
        Assert.Equal((3L, "event 3 (proposal.approved) was edited: its data is not valid JSON"), (broken?.Seq ?? 0, broken?.Reason));
    }

    [Fact]
    public async Task Verify_TruncatedTail_IsCaughtByTheAnchor()
    {
        await using var connection = await SeedAsync(5);
        var head = (await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None))[^1];
        await TamperAsync(connection, "DELETE FROM audit_events WHERE seq >= 4");
        var events = await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None);
        Assert.Null(await VerifyAsync(events));
        Assert.Equal(4, (await VerifyAsync(events, (head.Seq, head.Hash)))?.Seq);
    }

    [Fact]
    public async Task VerifyContinuation_FromAnIntactAnchor_ReadsOnlyTheNewEventsAndAcceptsThem()
    {
        await using var connection = await SeedAsync(5);
        var anchor = (await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None))[2];
        var fromAnchor = await AuditStore.ReadAsync(DataUnit.Over(connection, null), new AuditQuery(FromSeq: anchor.Seq), CancellationToken.None);
        Assert.Equal([3L, 4L, 5L], fromAnchor.Select(e => e.Seq));
        Assert.Null(AuditVerifier.VerifyContinuation(fromAnchor, (anchor.Seq, anchor.Hash), await KeyAsync()));
    }

    [Fact]
    public async Task VerifyContinuation_EventAfterTheAnchorEdited_NamesIt()
    {
        await using var connection = await SeedAsync(5);
        var anchor = (await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None))[2];
        await TamperAsync(connection, "UPDATE audit_events SET actor = 'mallory' WHERE seq = 4");
        var fromAnchor = await AuditStore.ReadAsync(DataUnit.Over(connection, null), new AuditQuery(FromSeq: anchor.Seq), CancellationToken.None);
        Assert.Equal(4, AuditVerifier.VerifyContinuation(fromAnchor, (anchor.Seq, anchor.Hash), await KeyAsync())?.Seq);
    }

    [Fact]
    public async Task VerifyContinuation_AnchoredEventEdited_IsRefused()
    {
        await using var connection = await SeedAsync(5);
        var anchor = (await AuditStore.ReadAllAsync(DataUnit.Over(connection, null), CancellationToken.None))[2];
        await TamperAsync(connection, "UPDATE audit_events SET hash = 'x' WHERE seq = 3");
        var fromAnchor = await AuditStore.ReadAsync(DataUnit.Over(connection, null), new AuditQuery(FromSeq: anchor.Seq), CancellationToken.None);
        Assert.Equal(3, AuditVerifier.VerifyContinuation(fromAnchor, (anchor.Seq, anchor.Hash), await KeyAsync())?.Seq);
    }

    [Fact]
    public void CanonicalJson_PropertyOrder_DoesNotChangeTheHash()
    {
        var a = CanonicalJson.Serialize(new JsonObject { ["b"] = 1, ["a"] = new JsonObject { ["y"] = "2", ["x"] = "1" } });
        var b = CanonicalJson.Serialize(new JsonObject { ["a"] = new JsonObject { ["x"] = "1", ["y"] = "2" }, ["b"] = 1 });
        Assert.Equal(a, b);
        Assert.Equal("{\"a\":{\"x\":\"1\",\"y\":\"2\"},\"b\":1}", a);
    }
}
