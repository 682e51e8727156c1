using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice tenant create NAME`, `backoffice tenant list`.</summary>
public static class TenantCommands
{
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "Tenant name: lower-case letters, digits, hyphens" };
        var create = new Command("create", "Create a tenant (its own database)") { name };
        create.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenant = cli.Parse.GetValue(name)!;
            var created = await cli.Get<TenantRegistry>().CreateAsync(tenant, await ControlActorAsync(cli, ct), ct);
            if (cli.Json)
            {
                cli.Output.WriteJson(new { id = tenant, created });
            }
            else
            {
                cli.Output.Line(created ? $"Created tenant {tenant}." : $"Tenant {tenant} already exists.");
            }

            return 0;
        }));

        var list = new Command("list", "List tenants");
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenants = await cli.Get<TenantRegistry>().ListAsync(ct);
            cli.Output.Table(tenants.Select(t => new JsonObject { ["id"] = t.Id, ["createdAt"] = t.CreatedAt }).ToList(), ["id", "createdAt"]);
            return 0;
        }));

        return new Command("tenant", "Create and list tenants") { create, list };
    }

    /// <summary>
    /// Control-level changes need an admin once any user exists; before the first user, the person at the
    /// console of a fresh install is trusted to bootstrap it (recorded as "bootstrap").
    /// </summary>
    public static async Task<string> ControlActorAsync(CliContext cli, CancellationToken cancellationToken)
    {
        if ((await cli.Get<UserDirectory>().ListAsync(cancellationToken)).Count == 0)
        {
            return cli.Parse.GetValue(CliOptions.As) ?? "bootstrap";
        }

        var actor = await cli.ActorAsync(null, cancellationToken);
        return actor.Role == Kernel.Abstractions.Identity.Role.Admin
            ? actor.Name
            : throw new CliException($"Only an admin may do this; {actor.Name} is {actor.Role.ToString().ToLowerInvariant()}.", 1);
    }
}
