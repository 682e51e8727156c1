using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice sync --tenant T [--full]`: reads the tenant's QuickBooks books and prints the sync report (issue 13).</summary>
public static class SyncCommand
{
    public static Command Build()
    {
        var tenant = CliOptions.Tenant();
        var full = new Option<bool>("--full") { Description = "Read everything again by query paging instead of the changes since the last sync" };
        var command = new Command("sync", "Sync a tenant's connected books (QuickBooks Online) into the canonical ledger tables") { tenant, full };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var report = await cli.Get<QuickBooksSync>().SyncAsync(cli.Tenant(name), cli.Parse.GetValue(full), cli.Progress, ct);
            Print(cli, name, report);
            return 0;
        }));
        return command;
    }

    private static void Print(CliContext cli, string tenant, SyncReport report)
    {
        var rows = report.Entities.Select(e => new JsonObject
        {
            ["id"] = e.Key, ["read"] = e.Value.Read, ["added"] = e.Value.Added, ["changed"] = e.Value.Changed, ["deleted"] = e.Value.Deleted,
        }).ToList();
        if (cli.Json)
        {
            cli.Output.WriteJson(new JsonObject
            {
                ["id"] = tenant, ["mode"] = report.Mode, ["requests"] = report.Requests,
                ["seconds"] = Math.Round(report.Elapsed.TotalSeconds, 3), ["entities"] = new JsonArray([.. rows]),
            });
            return;
        }

        cli.Output.Line($"Synced tenant {tenant} from QuickBooks: {report.Mode}.");
        cli.Output.Table(rows, ["id", "read", "added", "changed", "deleted"]);
        var total = report.Total;
        cli.Output.Line(string.Create(CultureInfo.InvariantCulture,
            $"{total.Read} read, {total.Added} added, {total.Changed} changed, {total.Deleted} deleted; {report.Requests} requests in {report.Elapsed.TotalSeconds:0.0} s."));
    }
}
