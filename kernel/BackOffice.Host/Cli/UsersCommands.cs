using System.CommandLine;
using Microsoft.Extensions.Configuration;
using System.Text.Json.Nodes;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice users add NAME --role ... [--department ...] [--tenant T]`, `backoffice users list`.</summary>
public static class UsersCommands
{
    /// <summary>
    /// `backoffice users password NAME`: sets a console password, read from the first line of standard input so it never
    /// appears in the shell history or the process list. An admin may set anyone's; a user may set their own.
    /// </summary>
    private static Command Password()
    {
        var name = new Argument<string>("NAME") { Description = "The user whose password to set" };
        var command = new Command("password", "Set a user's console password, read from standard input (admin, or the user)") { name };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var user = cli.Parse.GetValue(name)!;
            var actor = await cli.ActorAsync(null, ct);
            if (actor.Role != Kernel.Abstractions.Identity.Role.Admin && actor.Name != user)
            {
                throw new CliException($"Only an admin sets another user's password; {actor.Name} is {actor.Role.ToString().ToLowerInvariant()}.", 1);
            }

            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r') ?? "";
            await cli.Get<Store.Control.CredentialStore>().SetPasswordAsync(user, password, actor.Name, ct);
            cli.Output.Line($"Password set for {user}.");
            return 0;
        }));
        return command;
    }

    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "User name, e.g. dana" };
        var role = new Option<string>("--role") { Description = "viewer | approver | lead | admin", Required = true };
        role.AcceptOnlyFromAmong("viewer", "approver", "lead", "admin");
        var department = new Option<string?>("--department") { Description = "Department a lead leads: finance, collections, payroll, estimating" };
        var tenant = new Option<string?>("--tenant") { Description = "Limit the user to one tenant (default: all tenants)" };
        var add = new Command("add", "Add a user, or change an existing user's role") { name, role, department, tenant };
        add.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var actor = await TenantCommands.ControlActorAsync(cli, ct);
            var tenantName = cli.Parse.GetValue(tenant);
            if (tenantName is not null && !await cli.Get<TenantRegistry>().ExistsAsync(tenantName, ct))
            {
                throw new UnknownTenantException(tenantName);
            }

            var user = cli.Parse.GetValue(name)!;
            await cli.Get<UserDirectory>().AddAsync(user, cli.Parse.GetValue(role)!, cli.Parse.GetValue(department), tenantName, actor, ct);
            if (cli.Json)
            {
                cli.Output.WriteJson(await cli.Get<UserDirectory>().FindAsync(user, ct));
            }
            else
            {
                cli.Output.Line($"Saved user {user}.");
            }

            return 0;
        }));

        var list = new Command("list", "List users and their roles");
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var users = await cli.Get<UserDirectory>().ListAsync(ct);
            cli.Output.Table(users.Select(u => new JsonObject
            {
                ["id"] = u.Id, ["role"] = u.Role, ["department"] = u.Department, ["tenant"] = u.Tenant,
            }).ToList(), ["id", "role", "department", "tenant"]);
            return 0;
        }));

        return new Command("users", "Users and roles") { add, list, Password() };
    }
}
