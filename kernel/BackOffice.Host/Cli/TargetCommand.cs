using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Ledger;
using BackOffice.Store.Proposals;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice target sandbox|quickbooks --tenant T --as ADMIN`: where the tenant's approved ledger writes go (issue 13).
/// Audited; switching to QuickBooks needs a live connection.
/// </summary>
public static class TargetCommand
{
    public static Command Build()
    {
        var target = new Argument<string?>("sandbox|quickbooks") { Arity = ArgumentArity.ZeroOrOne };
        target.AcceptOnlyFromAmong(LedgerTargets.Sandbox, LedgerTargets.QuickBooks);
        var tenant = CliOptions.Tenant();
        var command = new Command("target", "Show or set where approved ledger writes go: the sandbox ledger (default) or QuickBooks (admin)") { target, tenant };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var data = cli.Tenant(name);
            if (cli.Parse.GetValue(target) is not { } chosen)
            {
                await using var read = await data.ReadAsync(ct);
                cli.Output.Line($"Ledger target of {name}: {await LedgerTargets.GetAsync(read, ct)}.");
                return 0;
            }

            var actor = await cli.ActorAsync(name, ct);
            if (actor.Role != Role.Admin)
            {
                throw new CliException($"Only an admin may change the ledger target; {actor.Name} is {actor.Role.ToString().ToLowerInvariant()}.", 1);
            }

            if (chosen == LedgerTargets.QuickBooks && await data.QuickBooks.CurrentAsync(ct) is not { Status: "connected" })
            {
                throw new CliException($"Tenant {name} has no working QuickBooks connection: run `backoffice connect quickbooks --tenant {name}` first.", 1);
            }

            await using (var unit = await data.WriteAsync(ct))
            {
                await LedgerTargets.SetAsync(unit, chosen, actor.Name, StoreTime.ToText(data.Clock.GetUtcNow()), ct);
                await cli.Get<AuditStore>().AppendAsync(unit, actor.Name, "ledger.target-set", "ledger-target", new JsonObject { ["target"] = chosen }, ct);
                await unit.CommitAsync(ct);
            }

            await cli.Get<AuditAnchors>().AdvanceAsync(name, ct);
            cli.Output.Line($"Approved ledger writes of {name} now go to {chosen}.");
            return 0;
        }));
        return command;
    }
}
