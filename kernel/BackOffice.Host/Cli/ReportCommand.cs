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
        // Issue 16: `--period N` picks a pay application. `--format`: pdf or xlsx of a report that renders a document
        // (g702), otherwise csv or xlsx of the report's table as the console's export link writes it (issue 17).
        var period = new Option<string?>("--period") { Description = "The period (pay application number) of per-period reports such as g702" };
        var format = new Option<string?>("--format") { Description = "Write a file instead of printing: csv or xlsx of any report; pdf or xlsx of a document (g702)" };
        var output = new Option<FileInfo?>("--out") { Description = "The file --format writes" };
        // Issue 13: `--since DATE` for reports of a log (quickbooks-events): from the start of that day in the tenant's time zone.
        var since = new Option<string?>("--since") { Description = "yyyy-MM-dd: only what happened from that day on (quickbooks-events)" };
        var command = new Command("report", "Print a report as a table, or JSON with --json, or write it with --format FORMAT --out FILE")
        {
            name, tenant, asOf, job, week, period, format, output, since,
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
            var resolved = await ApprovalConsole.KnownJobs.EnsureAsync(cli.Tenant(tenantName), cli.Parse.GetValue(job), ct);
            var dateOption = cli.Parse.GetValue(week) is null ? asOf : week;
            // Issue 17: no date opens on the latest period with data (the week reports on their latest week with timecards).
            var date = cli.Parse.GetValue(dateOption) is null
                ? await Api.ReportDates.DefaultAsOfAsync(cli.Tenant(tenantName), wanted, ct)
                : await cli.AsOfAsync(dateOption, tenantName, ct);
            var request = new ReportRequest(cli.Tenant(tenantName), date, cli.Parse.GetValue(job))
            {
                Period = cli.Parse.GetValue(period),
                ResolvedJob = resolved,
                Since = SinceOf(cli, tenantName, cli.Parse.GetValue(since)),
            };
            var wantedFormat = cli.Parse.GetValue(format);
            // Issue 16: a document writes the formats it lists (wip-period: pdf); its csv or xlsx is the report's table.
            if (wantedFormat is not null && cli.Services.GetServices<IReportDocument>().Any(d => d.Name == wanted
                    && (d.Formats.Contains(wantedFormat, StringComparer.OrdinalIgnoreCase) || wantedFormat is not ("csv" or "xlsx"))))
            {
                return await ReportFile.WriteAsync(cli, wanted, request, wantedFormat, cli.Parse.GetValue(output), ct);
            }

            var table = await report.RunAsync(request, ct);
            if (wantedFormat is not null)
            {
                return await ExportAsync(cli, table, wantedFormat, cli.Parse.GetValue(output)?.FullName, ct);
            }

            // Issue 17: the table in the console's words (accounts, vendors, documents, finding titles); --json keeps the ids.
            cli.Output.Table(cli.Json ? table.Rows : await ApprovalConsole.TableWords.RowsAsync(request.Data, table.Rows, table.Columns, ct), table.Columns, table.Title);
            if (await Api.PartialSyncWarning.ForAsync(cli.Services, cli.Tenant(tenantName), ct) is { } warning)
            {
                cli.Output.Line($"Warning: {warning}");
            }

            return 0;
        }));
        return command;
    }

    private static DateTimeOffset? SinceOf(CliContext cli, string tenant, string? text) =>
        Api.ReportSince.TryParse(text, ApprovalConsole.TenantZone.For(cli.Services, tenant), out var since)
            ? since : throw new CliException(Api.ReportSince.Error("--since", text));

    private static async Task<int> ExportAsync(CliContext cli, ReportTable table, string format, string? file, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
        {
            var documents = string.Join(", ", cli.Services.GetServices<IReportDocument>().Select(d => d.Name));
            throw new CliException($"--format must be csv or xlsx for this report, not '{format}'; pdf is written by the reports that render documents: {documents}.");
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
