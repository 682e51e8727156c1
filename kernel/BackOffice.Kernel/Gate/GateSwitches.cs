using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Audit;
using BackOffice.Store.Proposals;
using BackOffice.Store.Sqlite;

namespace BackOffice.Kernel.Gate;

public enum AgentMode
{
    Advisory,
    Auto,
}

public sealed record AgentSwitches(string Agent, bool WritesEnabled, AgentMode Mode);

/// <summary>
/// The master write switch and each agent's write switch and mode. All start off and advisory (an absent row);
/// only an admin changes them, and every change is audited "switch.toggled" with before and after.
/// </summary>
public sealed class GateSwitches(TimeProvider clock, AuditStore audit)
{
    public async Task<bool> GetMasterAsync(string tenantDatabasePath, CancellationToken cancellationToken)
    {
        await using var connection = await Databases.OpenTenantAsync(tenantDatabasePath, cancellationToken);
        return await GateSettingsStore.GetMasterAsync(connection, null, cancellationToken);
    }

    public async Task<AgentSwitches> GetAgentAsync(string tenantDatabasePath, string agent, CancellationToken cancellationToken)
    {
        await using var connection = await Databases.OpenTenantAsync(tenantDatabasePath, cancellationToken);
        return ToSwitches(await GateSettingsStore.GetAgentAsync(connection, null, agent, cancellationToken));
    }

    public async Task SetMasterAsync(string tenantDatabasePath, Actor actor, bool on, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var connection = await Databases.OpenTenantAsync(tenantDatabasePath, cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = await GateSettingsStore.GetMasterAsync(connection, transaction, cancellationToken);
        await GateSettingsStore.SetMasterAsync(connection, transaction, on, actor.Name, Now(), cancellationToken);
        await audit.AppendAsync(connection, transaction, actor.Name, "switch.toggled", "switch:master",
            new JsonObject { ["switch"] = "master", ["before"] = OnOff(before), ["after"] = OnOff(on) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task SetAgentWritesAsync(string tenantDatabasePath, Actor actor, string agent, bool on, CancellationToken cancellationToken) =>
        SetAgentAsync(tenantDatabasePath, actor, agent, "writes", s => s with { WritesEnabled = on }, s => OnOff(s.WritesEnabled), cancellationToken);

    public Task SetAgentModeAsync(string tenantDatabasePath, Actor actor, string agent, AgentMode mode, CancellationToken cancellationToken) =>
        SetAgentAsync(tenantDatabasePath, actor, agent, "mode", s => s with { Mode = mode }, s => ModeText(s.Mode), cancellationToken);

    internal static AgentSwitches ToSwitches(AgentSettingsRow row) =>
        new(row.Agent, row.WritesEnabled != 0, row.Mode == "auto" ? AgentMode.Auto : AgentMode.Advisory);

    private async Task SetAgentAsync(
        string path, Actor actor, string agent, string which, Func<AgentSwitches, AgentSwitches> change, Func<AgentSwitches, string> show,
        CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var connection = await Databases.OpenTenantAsync(path, cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = ToSwitches(await GateSettingsStore.GetAgentAsync(connection, transaction, agent, cancellationToken));
        var after = change(before);
        var row = new AgentSettingsRow { Agent = agent, WritesEnabled = after.WritesEnabled ? 1 : 0, Mode = ModeText(after.Mode) };
        await GateSettingsStore.SetAgentAsync(connection, transaction, row, actor.Name, Now(), cancellationToken);
        await audit.AppendAsync(connection, transaction, actor.Name, "switch.toggled", $"switch:agent:{agent}",
            new JsonObject { ["switch"] = $"agent:{agent}:{which}", ["before"] = show(before), ["after"] = show(after) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void EnsureAdmin(Actor actor)
    {
        var verdict = GatePolicy.CanToggleSwitches(actor);
        if (!verdict.Allowed)
        {
            throw new GateRefusedException(verdict.Reason);
        }
    }

    private string Now() => StoreTime.ToText(clock.GetUtcNow());

    private static string OnOff(bool on) => on ? "on" : "off";

    private static string ModeText(AgentMode mode) => mode == AgentMode.Auto ? "auto" : "advisory";
}
