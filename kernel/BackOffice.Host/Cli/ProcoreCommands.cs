using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice connect procore --tenant T [--client-credentials] [--company ID]` and `backoffice disconnect procore
/// --tenant T` (issue 14). A person signs in through the browser, the redirect coming back to a loopback port as for
/// QuickBooks; a DMSA service account connects with the app's client credentials and no browser. Both need an admin.
/// </summary>
public static class ProcoreCommands
{
    public static Command Connect()
    {
        var tenant = CliOptions.Tenant();
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the browser's redirect", DefaultValueFactory = _ => 300 };
        var service = new Option<bool>("--client-credentials") { Description = "Connect as the app's Developer Managed Service Account (no browser)" };
        var company = new Option<string?>("--company") { Description = "The Procore company id, when the app sees more than one" };
        var command = new Command("procore", "Connect Procore: sign in through the browser, or --client-credentials for a service account") { tenant, timeout, service, company };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var actor = new ConnectionActor(await TenantCommands.ControlActorAsync(cli, ct), ConnectionAudit.ViaCli);
            var connections = cli.Get<ProcoreConnections>();
            var connection = cli.Parse.GetValue(service)
                ? await connections.ConnectServiceAccountAsync(cli.Tenant(name), cli.Parse.GetValue(company), actor, ct)
                : await BrowserAsync(cli, cli.Tenant(name), cli.Parse.GetValue(company), actor, TimeSpan.FromSeconds(cli.Parse.GetValue(timeout)), ct);
            cli.Output.Line($"Connected tenant {name} to Procore company {connection.CompanyName ?? "(unnamed)"} ({connection.CompanyId}) by {connection.GrantType}.");
            return 0;
        }));
        return command;
    }

    public static Command Disconnect()
    {
        var tenant = CliOptions.Tenant();
        var command = new Command("procore", "Revoke the Procore token and mark the connection disconnected") { tenant };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var actor = new ConnectionActor(await TenantCommands.ControlActorAsync(cli, ct), ConnectionAudit.ViaCli);
            var connection = await cli.Get<ProcoreConnections>().DisconnectAsync(cli.Tenant(name), actor, ct);
            cli.Output.Line($"Disconnected tenant {name} from Procore company {connection.CompanyId}; the token is revoked.");
            return 0;
        }));
        return command;
    }

    /// <summary>The rows `connections list` shows for Procore.</summary>
    public static async Task<IEnumerable<JsonObject>> RowsAsync(string tenant, TenantData data, CancellationToken ct) =>
        (await data.Procore.ListAsync(ct)).Select(c => new JsonObject
        {
            ["id"] = $"{tenant}/procore/{c.CompanyId}", ["tenant"] = tenant, ["system"] = "procore", ["company"] = c.CompanyName,
            ["realm"] = c.CompanyId, ["connectedBy"] = c.ConnectedBy, ["lastSync"] = c.LastSyncAt, ["status"] = c.Status, ["lastError"] = c.LastError,
        });

    private static async Task<ProcoreConnection> BrowserAsync(
        CliContext cli, TenantData tenant, string? company, ConnectionActor actor, TimeSpan timeout, CancellationToken ct)
    {
        var options = cli.Get<ProcoreOptions>();
        var connections = cli.Get<ProcoreConnections>();
        using var redirect = new LoopbackRedirect(options.CallbackHost, options.CallbackPort, "Procore");
        var state = ProcoreConnections.NewState();
        cli.Output.Line("Open this address in a browser and sign in to Procore:");
        cli.Output.Line(connections.AuthorizeUrl(state, redirect.RedirectUri));
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        var answer = await redirect.WaitAsync(wait.Token);
        if (answer.Error is not null)
        {
            throw new CliException($"Procore refused the connection: {answer.Error}.", 1);
        }

        // The state must be the one we sent: anything else is a forged or stale redirect (OAuth 2.0 CSRF protection).
        if (answer.State != state)
        {
            throw new CliException("The redirect's state does not match the request: refused, nothing was stored.", 1);
        }

        return await connections.CompleteAsync(tenant, answer.Code ?? "", redirect.RedirectUri, company, actor, ct);
    }
}
