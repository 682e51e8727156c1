using System.CommandLine;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice serve`: the long-running host: the scheduler, the event inbox, the HTTP API and the approval console
/// (issue 9), bound to 127.0.0.1 unless `--urls` says otherwise. On a fresh install (no user has a password yet) it
/// prints a one-time link that sets the first admin.
/// </summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {BackOfficeWeb.DefaultUrls}; loopback only unless you say otherwise)",
            DefaultValueFactory = _ => BackOfficeWeb.DefaultUrls,
        };
        var command = new Command("serve", "Run the long-lived host: scheduled sweeps, webhooks, the HTTP API and the console (Ctrl-C stops)") { urls };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var listen = cli.Parse.GetValue(urls)!;
            await using var app = BackOfficeWeb.Build(cli.Data, listen);
            if (await app.Services.GetRequiredService<SetupLinks>().IssueIfFreshAsync(ct) is { } token)
            {
                var first = listen.Split(';')[0].TrimEnd('/');
                cli.Error.WriteLine($"Fresh install: set the first admin (once, within 24 hours) at {first}/setup?token={token}");
            }

            cli.Error.WriteLine($"backoffice serving {cli.Data.Root} on {listen}; scheduled sweeps run per appsettings.json. Ctrl-C to stop.");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
