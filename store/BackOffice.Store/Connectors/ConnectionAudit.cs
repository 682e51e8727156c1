using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;

namespace BackOffice.Store.Connectors;

/// <summary>Who changed a connection and from where: <see cref="ConnectionAudit.ViaCli"/> or <see cref="ConnectionAudit.ViaConsole"/>.</summary>
public sealed record ConnectionActor(string User, string Via);

/// <summary>
/// Issue 13: a connection change and its audit event (connection.connected or connection.disconnected: who, when, from
/// the CLI or the console, the system and its realm or company id, never a token) are written in ONE unit of the
/// tenant, so a crash between them leaves neither; the chain's anchor then moves, as after any audited change.
/// </summary>
public sealed class ConnectionAudit(AuditStore audit, AuditAnchors anchors)
{
    public const string Connected = "connection.connected";
    public const string Disconnected = "connection.disconnected";
    public const string ViaCli = "cli";
    public const string ViaConsole = "console";

    public async Task RecordAsync(
        TenantData tenant, ConnectionActor actor, string kind, string system, string account, string? company,
        Func<DataUnit, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        await using (var unit = await tenant.WriteAsync(cancellationToken))
        {
            await change(unit, cancellationToken);
            await audit.AppendAsync(unit, actor.User, kind, $"connection:{system}",
                new JsonObject { ["system"] = system, ["account"] = account, ["company"] = company, ["via"] = actor.Via }, cancellationToken);
            await unit.CommitAsync(cancellationToken);
        }

        await anchors.AdvanceAsync(tenant.Tenant, cancellationToken);
    }
}
