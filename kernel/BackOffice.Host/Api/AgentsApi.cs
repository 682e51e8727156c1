using System.Text.Json.Nodes;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BackOffice.Host.Api;

/// <summary>`/api/tenants/{tenant}/agents` and `/switches`: the master and per-agent write switches and modes; admins only (the gate checks).</summary>
public static class AgentsApi
{
    public sealed record MasterRequest(bool On);

    public sealed record AgentSwitchRequest(bool? Writes, string? Mode);

    public static RouteGroupBuilder MapAgentsApi(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/agents", ListAsync).WithTags("Agents").WithSummary("Agents with department, write switch and mode; the master switch");
        tenant.MapPut("/switches/master", SetMasterAsync).WithTags("Agents").WithSummary("Master write switch (admin)");
        tenant.MapPut("/agents/{agent}/switches", SetAgentAsync).WithTags("Agents").WithSummary("An agent's write switch and mode (admin)");
        return tenant;
    }

    public static async Task<JsonObject> SnapshotAsync(Caller caller, SweepRunner runner, GateSwitches switches, GateOptions options, CancellationToken ct)
    {
        var agents = new JsonArray();
        foreach (var agent in runner.Agents)
        {
            var s = await switches.GetAgentAsync(caller.Data, agent.Name, ct);
            agents.Add(new JsonObject
            {
                ["id"] = agent.Name,
                ["department"] = options.AgentDepartments.TryGetValue(agent.Name, out var d) ? d : agent.Department,
                ["writes"] = s.WritesEnabled,
                ["mode"] = s.Mode.ToString().ToLowerInvariant(),
            });
        }

        return new JsonObject { ["master"] = await switches.GetMasterAsync(caller.Data, ct), ["agents"] = agents };
    }

    private static async Task<Ok<JsonObject>> ListAsync(
        HttpContext http, string tenant, CallerResolver callers, SweepRunner runner, GateSwitches switches, GateOptions options, CancellationToken ct) =>
        TypedResults.Ok(await SnapshotAsync(await callers.ForTenantAsync(http, tenant, ct), runner, switches, options, ct));

    private static async Task<Ok<JsonObject>> SetMasterAsync(
        HttpContext http, string tenant, MasterRequest body, CallerResolver callers, SweepRunner runner, GateSwitches switches, GateOptions options,
        AuditAnchors anchors, CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        await switches.SetMasterAsync(caller.Data, caller.Actor, body.On, ct);
        await anchors.AdvanceAsync(caller.Tenant, ct);
        return TypedResults.Ok(await SnapshotAsync(caller, runner, switches, options, ct));
    }

    private static async Task<Ok<JsonObject>> SetAgentAsync(
        HttpContext http, string tenant, string agent, AgentSwitchRequest body, CallerResolver callers, SweepRunner runner, GateSwitches switches,
        GateOptions options, AuditAnchors anchors, CancellationToken ct)
    {
        var caller = await callers.ForTenantAsync(http, tenant, ct);
        var name = runner.Agent(agent).Name;
        // The mode is checked before anything changes, so a bad request changes nothing.
        AgentMode? mode = body.Mode switch
        {
            null => null,
            "auto" => AgentMode.Auto,
            "advisory" => AgentMode.Advisory,
            _ => throw new ArgumentException($"Mode '{body.Mode}' is not advisory or auto.", nameof(body)),
        };
        if (body.Writes is { } writes)
        {
            await switches.SetAgentWritesAsync(caller.Data, caller.Actor, name, writes, ct);
        }

        if (mode is { } m)
        {
            await switches.SetAgentModeAsync(caller.Data, caller.Actor, name, m, ct);
        }

        await anchors.AdvanceAsync(caller.Tenant, ct);
        return TypedResults.Ok(await SnapshotAsync(caller, runner, switches, options, ct));
    }
}
