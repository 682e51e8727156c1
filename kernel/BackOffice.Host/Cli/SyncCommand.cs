using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice sync --tenant T [--source quickbooks|procore] [--full]`: reads the tenant's connected systems (every
/// connection, or the one named) and prints a sync report per system (issue 13; Procore since issue 14).
/// </summary>
public static class SyncCommand
{
    public static Command Build()
    {
        var tenant = CliOptions.Tenant();
        var full = new Option<bool>("--full") { Description = "Read everything again instead of the changes since the last sync" };
        var source = new Option<string?>("--source") { Description = "Only this system: quickbooks or procore (default: every connection of the tenant)" };
        source.AcceptOnlyFromAmong("quickbooks", "procore");
        var command = new Command("sync", "Sync a tenant's connected systems (QuickBooks Online, Procore) into the canonical tables") { tenant, full, source };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var name = await cli.TenantAsync(tenant, ct);
            var data = cli.Tenant(name);
            var systems = await SystemsAsync(data, cli.Parse.GetValue(source), ct);
            var reports = new List<(string System, SyncReport Report)>();
            foreach (var system in systems)
            {
                var report = system == "procore"
                    ? await cli.Get<ProcoreSync>().SyncAsync(data, cli.Parse.GetValue(full), cli.Progress, ct)
                    : await cli.Get<QuickBooksSync>().SyncAsync(data, cli.Parse.GetValue(full), cli.Progress, ct);
                reports.Add((system, report));
            }

            Print(cli, name, reports);
            return 0;
        }));
        return command;
    }

    /// <summary>The named system, or every connected one; none connected fails with QuickBooks' own plain message.</summary>
    private static async Task<IReadOnlyList<string>> SystemsAsync(TenantData data, string? source, CancellationToken ct)
    {
        if (source is not null)
        {
            return [source];
        }

        var systems = new List<string>();
        if (await data.QuickBooks.CurrentAsync(ct) is not null)
        {
            systems.Add("quickbooks");
        }

        if (await data.Procore.CurrentAsync(ct) is not null)
        {
            systems.Add("procore");
        }

        return systems.Count > 0 ? systems : ["quickbooks"];
    }

    private static void Print(CliContext cli, string tenant, List<(string System, SyncReport Report)> reports)
    {
        if (cli.Json && reports.Count == 1)
        {
            cli.Output.WriteJson(Json(tenant, reports[0].System, reports[0].Report));
            return;
        }

        if (cli.Json)
        {
            cli.Output.WriteJson(new JsonObject { ["id"] = tenant, ["systems"] = new JsonArray([.. reports.Select(r => Json(tenant, r.System, r.Report))]) });
            return;
        }

        foreach (var (system, report) in reports)
        {
            PrintText(cli, tenant, system, report);
        }
    }

    private static JsonObject Json(string tenant, string system, SyncReport report) => new()
    {
        ["id"] = tenant, ["system"] = system, ["mode"] = report.Mode, ["requests"] = report.Requests, ["pages"] = report.Pages,
        ["rateLimitWaits"] = report.RateLimitWaits, ["seconds"] = Math.Round(report.Elapsed.TotalSeconds, 3),
        ["entities"] = new JsonArray([.. Rows(report)]),
    };

    private static List<JsonObject> Rows(SyncReport report) => report.Entities.Select(e => new JsonObject
    {
        ["id"] = e.Key, ["read"] = e.Value.Read, ["added"] = e.Value.Added, ["changed"] = e.Value.Changed, ["deleted"] = e.Value.Deleted,
    }).ToList();

    private static void PrintText(CliContext cli, string tenant, string system, SyncReport report)
    {
        cli.Output.Line($"Synced tenant {tenant} from {(system == "procore" ? "Procore" : "QuickBooks")}: {report.Mode}.");
        cli.Output.Table(Rows(report), ["id", "read", "added", "changed", "deleted"]);
        var total = report.Total;
        cli.Output.Line(string.Create(CultureInfo.InvariantCulture,
            $"{total.Read} read, {total.Added} added, {total.Changed} changed, {total.Deleted} deleted; {report.Requests} requests, {report.Pages} pages, {report.RateLimitWaits} rate-limit waits in {report.Elapsed.TotalSeconds:0.0} s."));
    }
}
