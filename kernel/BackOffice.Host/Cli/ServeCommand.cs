using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice serve`: the long-running host. Now the scheduler; the HTTP API and console come with issue 9.</summary>
public static class ServeCommand
{
    public static Command Build()
    {
        var command = new Command("serve", "Run the long-lived host: scheduled sweeps for every tenant (Ctrl-C stops)");
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            cli.Error.WriteLine($"backoffice serving {cli.Data.Root}; scheduled sweeps run per appsettings.json. Ctrl-C to stop.");
            await cli.Host.RunAsync(ct);
            return 0;
        }));
        return command;
    }
}
