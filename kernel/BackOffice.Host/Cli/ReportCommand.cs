using System.CommandLine;
using BackOffice.Kernel.Abstractions.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice report NAME --tenant T [--as-of D] [--job J]`; `backoffice report list` names them.</summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "Report name (`backoffice report list` shows them)" };
        var tenant = CliOptions.Tenant();
        var asOf = CliOptions.AsOf();
        var job = new Option<string?>("--job") { Description = "Only this job" };
        // Issue 7: `--week D` names the week of weekly reports (payroll-check, staffing); it is the report date, like --as-of.
        var week = new Option<string?>("--week") { Description = "A date in the week, yyyy-MM-dd, for weekly reports (same as --as-of)" };
        // Issue 17: `--format csv|xlsx --out FILE` writes the report as the console's export link does.
        var format = new Option<string?>("--format") { Description = "Write the report as csv or xlsx (with --out)" };
        var output = new Option<string?>("--out") { Description = "The file --format writes" };
        var command = new Command("report", "Print a report as a table, or JSON with --json, or write it with --format csv|xlsx --out FILE")
        {
            name, tenant, asOf, job, week, format, output,
        };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var reports = cli.Services.GetServices<IReport>().OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var wanted = cli.Parse.GetValue(name)!;
            if (wanted == "list")
            {
                cli.Output.Table(reports.Select(r => new System.Text.Json.Nodes.JsonObject { ["id"] = r.Name, ["description"] = r.Description }).ToList(),
                    ["id", "description"]);
                return 0;
            }

            var report = reports.LastOrDefault(r => r.Name == wanted)
                         ?? throw new CliException($"There is no report '{wanted}'. Reports: {string.Join(", ", reports.Select(r => r.Name))}.");
            var tenantName = await cli.TenantAsync(tenant, ct);
            await ApprovalConsole.KnownJobs.EnsureAsync(cli.Tenant(tenantName), cli.Parse.GetValue(job), ct);
            var table = await report.RunAsync(new ReportRequest(cli.Tenant(tenantName), cli.AsOf(cli.Parse.GetValue(week) is null ? asOf : week), cli.Parse.GetValue(job)), ct);
            if (cli.Parse.GetValue(format) is { } kind)
            {
                return await ExportAsync(cli, table, kind, cli.Parse.GetValue(output), ct);
            }

            cli.Output.Table(table.Rows, table.Columns, table.Title);
            return 0;
        }));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext cli, ReportTable table, string format, string? file, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
        {
            throw new CliException($"--format must be csv or xlsx, not '{format}'.");
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            throw new CliException("--format needs --out FILE.");
        }

        await File.WriteAllBytesAsync(file, Exports.ExportTable.From(table).Write(format), ct);
        cli.Output.Line($"Wrote {table.Rows.Count} rows of {table.Title} to {file}.");
        return 0;
    }
}
