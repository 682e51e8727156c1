using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice agents list|set` and `backoffice writes on|off`: the switches, admins only, all off by default.</summary>
public static class AgentsCommands
{
    public static Command Build() => new("agents", "Agents and their switches") { List(), Set() };

    private static Command List()
    {
        var listTenant = CliOptions.Tenant();
        var list = new Command("list", "Agents with their department, schedule, write switch and mode") { listTenant };
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenant = await cli.TenantAsync(listTenant, ct);
            var path = cli.Tenant(tenant);
            var switches = cli.Get<GateSwitches>();
            var master = await switches.GetMasterAsync(path, ct);
            var rows = new List<JsonObject>();
            foreach (var agent in cli.Get<SweepRunner>().Agents)
            {
                var s = await switches.GetAgentAsync(path, agent.Name, ct);
                rows.Add(new JsonObject
                {
                    ["id"] = agent.Name,
                    ["department"] = cli.Get<GateOptions>().AgentDepartments.TryGetValue(agent.Name, out var department) ? department : agent.Department,
                    ["schedule"] = cli.Get<Microsoft.Extensions.Options.IOptions<AgentsOptions>>().Value.ScheduleFor(tenant, agent.Name),
                    ["writes"] = s.WritesEnabled ? "on" : "off",
                    ["mode"] = s.Mode.ToString().ToLowerInvariant(),
                    ["canExecute"] = master && s.WritesEnabled,
                });
            }

            cli.Output.Table(rows, ["id", "department", "schedule", "writes", "mode", "canExecute"],
                $"Master write switch for {tenant}: {(master ? "ON" : "off")}");
            return 0;
        }));
        return list;
    }

    private static Command Set()
    {
        var name = new Argument<string>("NAME");
        var writes = new Option<string?>("--writes") { Description = "on | off" };
        writes.AcceptOnlyFromAmong("on", "off");
        var mode = new Option<string?>("--mode") { Description = "advisory | auto (auto approves routine proposals only, never money or legal)" };
        mode.AcceptOnlyFromAmong("advisory", "auto");
        var setTenant = CliOptions.Tenant();
        var set = new Command("set", "Set an agent's write switch or mode (admin)") { name, writes, mode, setTenant };
        set.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenant = await cli.TenantAsync(setTenant, ct);
            var actor = await cli.ActorAsync(tenant, ct);
            var agent = cli.Get<SweepRunner>().Agent(cli.Parse.GetValue(name)!).Name;
            var path = cli.Tenant(tenant);
            var switches = cli.Get<GateSwitches>();
            if (cli.Parse.GetValue(writes) is null && cli.Parse.GetValue(mode) is null)
            {
                throw new CliException("Say what to set: --writes on|off and/or --mode advisory|auto.");
            }

            if (cli.Parse.GetValue(writes) is { } w)
            {
                await switches.SetAgentWritesAsync(path, actor, agent, w == "on", ct);
            }

            if (cli.Parse.GetValue(mode) is { } m)
            {
                await switches.SetAgentModeAsync(path, actor, agent, m == "auto" ? AgentMode.Auto : AgentMode.Advisory, ct);
            }

            await cli.Get<AuditAnchors>().AdvanceAsync(tenant, ct);
            var now = await switches.GetAgentAsync(path, agent, ct);
            cli.Output.Line($"{agent}: writes {(now.WritesEnabled ? "on" : "off")}, mode {now.Mode.ToString().ToLowerInvariant()}.");
            if (cli.Json)
            {
                cli.Output.WriteJson(new { id = agent, writes = now.WritesEnabled ? "on" : "off", mode = now.Mode.ToString().ToLowerInvariant() });
            }

            return 0;
        }));
        return set;
    }

    public static Command BuildWrites()
    {
        var state = new Argument<string>("on|off");
        state.AcceptOnlyFromAmong("on", "off");
        var tenant = CliOptions.Tenant();
        var command = new Command("writes", "The master write switch (admin): nothing executes while it is off") { state, tenant };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var actor = await cli.ActorAsync(tenantName, ct);
            var on = cli.Parse.GetValue(state) == "on";
            await cli.Get<GateSwitches>().SetMasterAsync(cli.Tenant(tenantName), actor, on, ct);
            await cli.Get<AuditAnchors>().AdvanceAsync(tenantName, ct);
            if (cli.Json)
            {
                cli.Output.WriteJson(new { id = "master", tenant = tenantName, writes = on ? "on" : "off" });
            }
            else
            {
                cli.Output.Line($"Master write switch for {tenantName} is {(on ? "ON" : "off")}.");
            }

            return 0;
        }));
        return command;
    }
}
