using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Proposals;

using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice proposals list|show|approve|reject|edit|execute|undo`: the gate, from a terminal.</summary>
public static class ProposalsCommands
{
    public static Command Build()
    {
        var command = new Command("proposals", "What agents propose; approve, reject, edit, execute, undo");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Decide("approve", "Approve a proposal (money and legal need a lead of the agent's department)",
            (gate, path, actor, id, _, ct) => gate.ApproveAsync(path, actor, id, ct)));
        command.Subcommands.Add(Reject());
        command.Subcommands.Add(Edit());
        command.Subcommands.Add(Decide("execute", "Carry out an approved proposal (both write switches must be on)",
            (gate, path, actor, id, _, ct) => gate.ExecuteAsync(path, actor, id, ct)));
        command.Subcommands.Add(Decide("undo", "Reverse an executed proposal, restoring the prior state exactly",
            (gate, path, actor, id, _, ct) => gate.UndoAsync(path, actor, id, ct)));
        return command;
    }

    private static Command List()
    {
        var tenant = CliOptions.Tenant();
        var state = new Option<string?>("--state") { Description = "Only proposals in this state (proposed, approved, executed, ...)" };
        var agent = new Option<string?>("--agent") { Description = "Only this agent's proposals" };
        // Issue 17: an unknown state or agent is an error (exit 2), not an empty list that looks like "nothing to do".
        state.AcceptOnlyFromAmong([.. ProposalStates.All]);
        var list = new Command("list", "List proposals, newest first") { tenant, state, agent };
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            if (cli.Parse.GetValue(agent) is { } named)
            {
                _ = cli.Get<BackOffice.Kernel.Sweeps.SweepRunner>().Agent(named);
            }

            var path = cli.Tenant(await cli.TenantAsync(tenant, ct));
            var rows = await cli.Get<ProposalGate>().ListAsync(path, new ProposalFilter(cli.Parse.GetValue(state), cli.Parse.GetValue(agent)), ct);
            cli.Output.Table(await ProposalView.InWordsAsync([.. rows.Select(ProposalView.Summary)], path, ct), ["id", "state", "risk", "agent", "title"]);
            return 0;
        }));
        return list;
    }

    private static Command Show()
    {
        var tenant = CliOptions.Tenant();
        var id = new Argument<long>("ID");
        var show = new Command("show", "Show a proposal: figures and their sources, narrative, who must approve, history") { id, tenant };
        show.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var path = cli.Tenant(await cli.TenantAsync(tenant, ct));
            var row = await cli.Get<ProposalGate>().GetAsync(path, cli.Parse.GetValue(id), ct);
            await using var unit = await path.ReadAsync(ct);
            var history = await AuditStore.ReadAsync(unit, new AuditQuery(Subject: $"proposal:{row.Id}"), ct);
            var view = (await ProposalView.InWordsAsync([ProposalView.Detail(row, cli.Get<GateOptions>(), history)], path, ct))[0];
            if (cli.Json)
            {
                cli.Output.WriteJson(view);
            }
            else
            {
                ProposalView.Print(cli.Output, view);
            }

            return 0;
        }));
        return show;
    }

    private static Command Reject()
    {
        var reason = new Option<string>("--reason") { Description = "Why (kept in the audit log)", Required = true };
        var command = Decide("reject", "Reject a proposal, with a reason", (gate, path, actor, id, parse, ct) =>
            gate.RejectAsync(path, actor, id, parse.GetValue(reason)!, ct));
        command.Options.Add(reason);
        return command;
    }

    private static Command Edit()
    {
        var set = new Option<string[]>("--set")
        {
            Description = "field=value for an editable field (value may be JSON, e.g. lines='[...]'); repeatable",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = Decide("edit", "Change editable fields of a proposal before approval", (gate, path, actor, id, parse, ct) =>
            gate.EditAsync(path, actor, id, ParseChanges(parse.GetValue(set)!), ct));
        command.Options.Add(set);
        return command;
    }

    private static JsonObject ParseChanges(IEnumerable<string> assignments)
    {
        var changes = new JsonObject();
        foreach (var assignment in assignments)
        {
            var at = assignment.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new CliException($"--set '{assignment}' is not field=value.");
            }

            var value = assignment[(at + 1)..];
            changes[assignment[..at]] = TryParseJson(value) ?? JsonValue.Create(value);
        }

        return changes;
    }

    private static JsonNode? TryParseJson(string value)
    {
        if (!(value.StartsWith('[') || value.StartsWith('{')))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(value);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new CliException($"'{value}' looks like JSON but is not valid: {ex.Message}");
        }
    }

    private delegate Task<ProposalRow> Decision(
        ProposalGate gate, TenantData path, Kernel.Abstractions.Identity.Actor actor, long id, ParseResult parse, CancellationToken ct);

    private static Command Decide(string verb, string description, Decision decide)
    {
        var tenant = CliOptions.Tenant();
        var id = new Argument<long>("ID");
        var command = new Command(verb, description) { id, tenant };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var actor = await cli.ActorAsync(tenantName, ct);
            ProposalRow row;
            try
            {
                row = await decide(cli.Get<ProposalGate>(), cli.Tenant(tenantName), actor, cli.Parse.GetValue(id), cli.Parse, ct);
            }
            finally
            {
                // Issue 19: a refused attempt is audited too; the anchor moves past it, so deleting it from the end shows.
                await cli.Get<AuditAnchors>().AdvanceAsync(tenantName, ct);
            }

            var view = (await ProposalView.InWordsAsync([ProposalView.Summary(row)], cli.Tenant(tenantName), ct))[0];
            if (cli.Json)
            {
                cli.Output.WriteJson(view);
            }
            else
            {
                cli.Output.Line($"Proposal {row.Id} is now {row.State}{(row.TargetId is null ? "" : $" (target {row.TargetId})")}: {view["title"]}");
            }

            // The target refused the write: the proposal is failed (retry with execute once the cause is fixed).
            if (row.State == ProposalStates.Failed)
            {
                await cli.Error.WriteLineAsync($"error: the target refused proposal {row.Id}: {row.Error}");
                return 1;
            }

            return 0;
        }));
        return command;
    }
}
