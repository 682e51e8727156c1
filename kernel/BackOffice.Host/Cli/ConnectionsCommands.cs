using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Keys;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice connect quickbooks --tenant T`, `backoffice disconnect quickbooks --tenant T` and
/// `backoffice connections list` (issue 13); the Procore verbs are in <see cref="ProcoreCommands"/> (issue 14). Connecting and disconnecting need an admin.
/// </summary>
public static class ConnectionsCommands
{
    public static Command BuildConnect()
    {
        var tenant = CliOptions.Tenant();
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the browser's redirect", DefaultValueFactory = _ => 300 };
        var quickbooks = new Command("quickbooks", "Connect QuickBooks Online: prints the authorization URL and waits for the redirect on a loopback port") { tenant, timeout };
        quickbooks.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var actor = await TenantCommands.ControlActorAsync(cli, ct);
            var options = cli.Get<QuickBooksOptions>();
            var connections = cli.Get<QuickBooksConnections>();
            using var redirect = new LoopbackRedirect(options.CallbackHost, options.CallbackPort);
            var state = QuickBooksConnections.NewState();
            cli.Output.Line("Open this address in a browser and sign in to QuickBooks:");
            cli.Output.Line(connections.AuthorizeUrl(state, redirect.RedirectUri));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(cli.Parse.GetValue(timeout)));
            var answer = await redirect.WaitAsync(wait.Token);
            if (answer.Error is not null)
            {
                throw new CliException($"QuickBooks refused the connection: {answer.Error}.", 1);
            }

            // The state must be the one we sent: anything else is a forged or stale redirect (OAuth 2.0 CSRF protection).
            if (answer.State != state)
            {
                throw new CliException("The redirect's state does not match the request: refused, nothing was stored.", 1);
            }

            var connection = await connections.CompleteAsync(cli.Tenant(name), answer.Code ?? "", answer.RealmId ?? "", redirect.RedirectUri, new ConnectionActor(actor, ConnectionAudit.ViaCli), ct);
            cli.Output.Line($"Connected tenant {name} to QuickBooks company {connection.CompanyName ?? "(unnamed)"} (realm {connection.RealmId}).");
            return 0;
        }));
        return new Command("connect", "Connect a tenant to an outside system") { quickbooks, ProcoreCommands.Connect() };
    }

    public static Command BuildDisconnect()
    {
        var tenant = CliOptions.Tenant();
        var quickbooks = new Command("quickbooks", "Revoke the QuickBooks grant and mark the connection disconnected") { tenant };
        quickbooks.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var actor = await TenantCommands.ControlActorAsync(cli, ct);
            var connection = await cli.Get<QuickBooksConnections>().DisconnectAsync(cli.Tenant(name), new ConnectionActor(actor, ConnectionAudit.ViaCli), ct);
            cli.Output.Line($"Disconnected tenant {name} from QuickBooks realm {connection.RealmId}; the token is revoked.");
            return 0;
        }));
        return new Command("disconnect", "Disconnect a tenant from an outside system") { quickbooks, ProcoreCommands.Disconnect() };
    }

    public static Command BuildList()
    {
        var list = new Command("list", "Each tenant's connections: company, realm, who connected, last sync, last error, status");
        list.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var rows = new List<JsonObject>();
            foreach (var tenant in await cli.Get<TenantRegistry>().ListAsync(ct))
            {
                // Issue 13: a full sync that stopped part way shows as "sync incomplete: bills through page k, started ...".
                var incomplete = await cli.Get<QuickBooksSync>().IncompleteAsync(cli.Tenant(tenant.Id), ct);
                foreach (var c in await cli.Tenant(tenant.Id).QuickBooks.ListAsync(ct))
                {
                    rows.Add(new JsonObject
                    {
                        ["id"] = $"{tenant.Id}/quickbooks/{c.RealmId}", ["tenant"] = tenant.Id, ["system"] = "quickbooks", ["company"] = c.CompanyName,
                        ["realm"] = c.RealmId, ["connectedBy"] = c.ConnectedBy, ["lastSync"] = c.LastSyncAt, ["status"] = c.Status, ["lastError"] = c.LastError,
                        ["sync"] = incomplete?.Describe(ApprovalConsole.TenantZone.Shown(ApprovalConsole.TenantZone.For(cli.Services, tenant.Id))) ?? (c.LastSyncAt is null ? "never synced" : "complete"),
                    });
                }

                rows.AddRange(await ProcoreCommands.RowsAsync(tenant.Id, cli.Tenant(tenant.Id), ct));
            }

            cli.Output.Table(rows, ["tenant", "system", "company", "realm", "connectedBy", "lastSync", "sync", "status", "lastError"]);
            return 0;
        }));
        return new Command("connections", "Connections to outside systems") { list, BuildRekey() };
    }

    /// <summary>
    /// Issue 13: re-encrypts every stored connector token with the current key (Connectors:EncryptionKey), reading rows
    /// written with a previous key (Connectors:PreviousKeys) or Data Protection. Each tenant's rows change in one unit.
    /// </summary>
    private static Command BuildRekey()
    {
        var rekey = new Command("rekey", "Re-encrypt every tenant's stored connector tokens with the current Connectors:EncryptionKey");
        rekey.SetAction(CliAction.Run(async (cli, ct) =>
        {
            await TenantCommands.ControlActorAsync(cli, ct);
            var check = cli.Get<ConnectorKeyCheck>();
            var rows = new List<JsonObject>();
            foreach (var tenant in await cli.Get<TenantRegistry>().ListAsync(ct))
            {
                var done = await check.RekeyAsync(cli.Tenant(tenant.Id), ct);
                rows.Add(new JsonObject { ["tenant"] = done.Tenant, ["quickbooks"] = done.QuickBooksRows, ["procore"] = done.ProcoreRows });
            }

            cli.Output.Table(rows, ["tenant", "quickbooks", "procore"]);
            cli.Output.Line($"Connector tokens are encrypted with key {cli.Get<ConnectorKeyRing>().Current().Id}; previous keys may now be removed.");
            return 0;
        }));
        return rekey;
    }
}
