using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>
/// Issue 19: `backoffice tokens list|revoke ID --as ADMIN`. A token is shown by id (the first 12 hex digits of its
/// SHA-256), never itself; a revoked token is refused on its next request, and the revocation is in the control chain.
/// </summary>
public static class TokensCommands
{
    public static Command Build() => new("tokens", "API tokens: list them, revoke one (admins)") { List(), Revoke() };

    private static Command List()
    {
        var list = new Command("list", "List API tokens by id, user, label, when issued, when they expire and when revoked");
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            _ = await TenantCommands.ControlActorAsync(cli, ct);
            var tokens = await cli.Get<CredentialStore>().ListTokensAsync(ct);
            cli.Output.Table(tokens.Select(t => new JsonObject
            {
                ["id"] = t.Id, ["user"] = t.User, ["label"] = t.Label, ["created"] = t.CreatedAt, ["revoked"] = t.RevokedAt,
                ["expires"] = t.ExpiresAt,
            }).ToList(), ["id", "user", "label", "created", "expires", "revoked"]);
            return 0;
        }));
        return list;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("ID") { Description = "The token's id, as `tokens list` shows it" };
        var revoke = new Command("revoke", "Revoke an API token; requests with it are refused from now on") { id };
        revoke.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var actor = await TenantCommands.ControlActorAsync(cli, ct);
            var revoked = await cli.Get<CredentialStore>().RevokeTokenAsync(cli.Parse.GetValue(id)!, actor, ct);
            if (cli.Json)
            {
                cli.Output.WriteJson(revoked);
            }
            else
            {
                cli.Output.Line($"Revoked token {revoked.Id} ({revoked.User}, {revoked.Label}).");
            }

            return 0;
        }));
        return revoke;
    }
}
