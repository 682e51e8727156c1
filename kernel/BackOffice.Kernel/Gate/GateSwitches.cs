using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Audit;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

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
    public async Task<bool> GetMasterAsync(TenantData tenant, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await GateSettingsStore.GetMasterAsync(unit, cancellationToken);
    }

    public async Task<AgentSwitches> GetAgentAsync(TenantData tenant, string agent, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return ToSwitches(await GateSettingsStore.GetAgentAsync(unit, agent, cancellationToken));
    }

    public async Task SetMasterAsync(TenantData tenant, Actor actor, bool on, CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var before = await GateSettingsStore.GetMasterAsync(unit, cancellationToken);
        await GateSettingsStore.SetMasterAsync(unit, on, actor.Name, Now(), cancellationToken);
        await audit.AppendAsync(unit, actor.Name, "switch.toggled", "switch:master",
            new JsonObject { ["switch"] = "master", ["before"] = OnOff(before), ["after"] = OnOff(on) }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    public Task SetAgentWritesAsync(TenantData tenant, Actor actor, string agent, bool on, CancellationToken cancellationToken) =>
        SetAgentAsync(tenant, actor, agent, "writes", s => s with { WritesEnabled = on }, s => OnOff(s.WritesEnabled), cancellationToken);

    public Task SetAgentModeAsync(TenantData tenant, Actor actor, string agent, AgentMode mode, CancellationToken cancellationToken) =>
        SetAgentAsync(tenant, actor, agent, "mode", s => s with { Mode = mode }, s => ModeText(s.Mode), cancellationToken);

    internal static AgentSwitches ToSwitches(AgentSettingsRow row) =>
        new(row.Agent, row.WritesEnabled != 0, row.Mode == "auto" ? AgentMode.Auto : AgentMode.Advisory);

    private async Task SetAgentAsync(
        TenantData tenant, Actor actor, string agent, string which, Func<AgentSwitches, AgentSwitches> change, Func<AgentSwitches, string> show,
        CancellationToken cancellationToken)
    {
        EnsureAdmin(actor);
        await using var unit = await tenant.WriteAsync(cancellationToken);
        var before = ToSwitches(await GateSettingsStore.GetAgentAsync(unit, agent, cancellationToken));
        var after = change(before);
        var row = new AgentSettingsRow { Agent = agent, WritesEnabled = after.WritesEnabled ? 1 : 0, Mode = ModeText(after.Mode) };
        await GateSettingsStore.SetAgentAsync(unit, row, actor.Name, Now(), cancellationToken);
        await audit.AppendAsync(unit, actor.Name, "switch.toggled", $"switch:agent:{agent}",
            new JsonObject { ["switch"] = $"agent:{agent}:{which}", ["before"] = show(before), ["after"] = show(after) }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
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
