using System.Net;
using BackOffice.Store.Audit;
using Dapper;

namespace BackOffice.Tests.Api;

/// <summary>Issue 13: the console's connection changes and their audit events are one unit, and the chain verifies after them.</summary>
public sealed partial class ConsoleConnectionsTests
{
    [Fact]
    public async Task ConnectDisconnect_FromTheConsole_AuditedViaConsoleAndTheChainVerifies()
    {
        var sam = await SignedInAsync("sam");
        await sam.GetAsync(await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect")));
        await PressAsync(sam, "quickbooks", "disconnect");

        var events = (await EventsAsync()).Where(e => e.Subject == "connection:quickbooks").ToList();
        Assert.Equal(["connection.connected", "connection.disconnected"], events.Select(e => e.Kind));
        Assert.All(events, e =>
        {
            var data = System.Text.Json.Nodes.JsonNode.Parse(e.DataJson)!;
            Assert.Equal(("sam", "console", _qbo.Realm), (e.Actor, (string?)data["via"], (string?)data["account"]));
        });
        await using var unit = await Tenant.ReadAsync(_ct);
        Assert.Null(AuditVerifier.Verify(await AuditStore.ReadAllAsync(unit, _ct), null, unit.AuditKey!).Break);
    }

    [Fact]
    public async Task Callback_FaultBetweenConnectionAndAuditWrite_LeavesNeither()
    {
        var sam = await SignedInAsync("sam");
        var callback = await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect"));
        // The audit event is the second write of the unit: failing it is a crash after the connection row was written.
        await SqlAsync("CREATE TRIGGER crash_point BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'crash point'); END;");

        var failed = await sam.GetAsync(callback);
        await SqlAsync("DROP TRIGGER crash_point;");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(await Tenant.QuickBooks.ListAsync(_ct));
        Assert.DoesNotContain(await EventsAsync(), e => e.Kind == "connection.connected");
    }

    private async Task SqlAsync(string sql)
    {
        await using var connection = await Tenant.OpenAsync(_ct);
        await connection.ExecuteAsync(sql);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
