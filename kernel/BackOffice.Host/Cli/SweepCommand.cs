using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice sweep --tenant T [--agent NAME] [--as-of yyyy-MM-dd] [--full]`: incremental unless --full (issue 18).</summary>
public static class SweepCommand
{
    public static Command Build()
    {
        var tenant = CliOptions.Tenant();
        var agent = new Option<string?>("--agent") { Description = "Only this agent (default: all)" };
        var asOf = CliOptions.AsOf();
        var full = new Option<bool>("--full") { Description = "Recompute everything, even when nothing an agent reads changed since its last sweep" };
        var command = new Command("sweep", "Run agents once over a tenant's data and store their findings and proposals") { tenant, agent, asOf, full };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var mode = cli.Parse.GetValue(full) ? SweepMode.Full : SweepMode.Incremental;
            var outcomes = await RunAsync(cli, tenantName, cli.Parse.GetValue(agent), await cli.AsOfAsync(asOf, tenantName, ct), mode, ct);
            await PrintAsync(cli, tenantName, outcomes, ct);
            return 0;
        }));
        return command;
    }

    public static async Task<IReadOnlyList<SweepOutcome>> RunAsync(
        CliContext cli, string tenant, string? agent, DateOnly asOf, SweepMode mode, CancellationToken ct)
    {
        var runner = cli.Get<SweepRunner>();
        var names = agent is null ? runner.Agents.Select(a => a.Name).ToList() : [runner.Agent(agent).Name];
        var outcomes = new List<SweepOutcome>();
        foreach (var name in names)
        {
            outcomes.Add(await runner.RunAsync(tenant, name, asOf, "manual", 1, mode, cli.Progress, ct));
        }

        await cli.Get<AuditAnchors>().AdvanceAsync(tenant, ct);
        return outcomes;
    }

    /// <summary>--json as the agents stored it (ids for machines); the text in the console's words (issue 17).</summary>
    public static async Task PrintAsync(CliContext cli, string tenant, IReadOnlyList<SweepOutcome> outcomes, CancellationToken ct)
    {
        if (cli.Json)
        {
            cli.Output.WriteJson(new JsonArray(outcomes.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.RunId,
                ["tenant"] = o.Tenant,
                ["agent"] = o.Agent,
                ["asOf"] = o.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["findings"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(o.Findings, CliOutput.JsonOptions)),
                ["proposalsCreated"] = o.Intake.Created,
                ["proposalsAlreadyKnown"] = o.Intake.Unchanged,
                ["unchanged"] = o.Unchanged,
            }).ToArray()));
            return;
        }

        var refs = await ApprovalConsole.RecordRefs.LoadAsync(cli.Tenant(tenant), outcomes.SelectMany(o => o.Findings).SelectMany(f => new[] { f.Title, f.Narrative }), ct);
        foreach (var o in outcomes)
        {
            cli.Output.Line(o.Unchanged
                ? $"{o.Agent} (as of {o.AsOf:yyyy-MM-dd}): nothing changed since the last sweep; {o.Findings.Count} findings stand"
                : $"{o.Agent} (as of {o.AsOf:yyyy-MM-dd}): {o.Findings.Count} findings, {o.Intake.Created} new proposals, {o.Intake.Unchanged} already proposed");
            foreach (var f in o.Findings)
            {
                cli.Output.Line($"  [{f.Severity}] {refs.Text(f.Title)}");
                cli.Output.Line($"      {refs.Text(f.Narrative)}");
            }
        }
    }
}
