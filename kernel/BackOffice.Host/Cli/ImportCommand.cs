using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Bundle;
using BackOffice.Store.Control;

namespace BackOffice.Host.Cli;

/// <summary>`backoffice import --tenant T DIR`: validate a whole bundle, then write it in one transaction (docs/DATA-FORMAT.md).</summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var directory = new Argument<string>("PATH") { Description = "The bundle folder (with bundle.json), or with --source an export file or a folder of them" };
        var tenant = CliOptions.Tenant();
        var exports = new ExportImportOptions();
        var encoding = new Option<string?>("--encoding")
        {
            Description = "The CSV encoding of a bundle or of export files (--source) when it is not UTF-8: windows-1252 or latin1 (decoded strictly; bundle.json stays UTF-8)",
        };
        var command = new Command("import", "Import a tenant bundle, or with --source the export files of Buildertrend, QuickBooks Online or Procore as downloaded: all or nothing; errors name the file, row and column")
        {
            directory, tenant, encoding, exports.Source, exports.Mapping, exports.AcceptGoodRows, exports.Job, exports.Kind, exports.Sets, exports.Names,
        };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            var tenantName = await cli.TenantAsync(tenant, ct);
            var named = cli.Parse.GetValue(encoding);
            // Issue 19: an encoding name is checked before anything is read.
            var bundleEncoding = BundleEncoding.Parse(named);
            if (cli.Parse.GetValue(exports.Source) is { } source)
            {
                // Issue 19: CSV export files are decoded strictly too, in UTF-8 or the encoding named (workbooks carry their own).
                return await ExportImportCommand.RunAsync(cli, exports, source, cli.Parse.GetValue(directory)!, tenantName, bundleEncoding, ct);
            }

            var summary = await RunAsync(cli, cli.Parse.GetValue(directory)!, tenantName, bundleEncoding, ct);
            Print(cli, summary);
            return 0;
        }));
        return command;
    }

    public static Task<ImportSummary> RunAsync(CliContext cli, string directory, string tenant, CancellationToken ct) =>
        RunAsync(cli, directory, tenant, BundleEncoding.Utf8, ct);

    private static async Task<ImportSummary> RunAsync(CliContext cli, string directory, string tenant, BundleEncoding encoding, CancellationToken ct)
    {
        var actor = cli.Parse.GetValue(CliOptions.As) ?? Environment.GetEnvironmentVariable("BACKOFFICE_USER") ?? "cli";
        var progress = cli.Progress;
        var reporter = new SynchronousImportProgress(p =>
        {
            if (p.Phase != ImportPhase.Reading || p.RowsRead % 10_000 == 0)
            {
                progress.Report($"import: {p.Phase.ToString().ToLowerInvariant()} {p.File} {(p.RowsRead > 0 ? $"({p.RowsRead} rows)" : "")}".TrimEnd());
            }
        });
        var summary = await cli.Get<BundleImporter>().ImportAsync(Path.GetFullPath(directory), cli.Tenant(tenant), actor, reporter, encoding, ct);
        await cli.Get<AuditAnchors>().AdvanceAsync(tenant, ct);
        if (Environment.GetEnvironmentVariable("BACKOFFICE_IMPORT_PROFILE") == "1")
        {
            // Issue 18: per-phase figures on stderr, so the summary on stdout stays what scripts read.
            foreach (var phase in summary.Profile)
            {
                await Console.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"import profile: {phase.Phase}: {phase.Seconds:0.00} s ({phase.CpuSeconds:0.00} s cpu), {phase.AllocatedBytes / 1048576d:0} MB allocated, peak {phase.PeakWorkingSetBytes / 1048576d:0} MB"));
            }
        }

        return summary;
    }

    public static void Print(CliContext cli, ImportSummary summary)
    {
        var rows = summary.Files.Select(f => new JsonObject
        {
            ["id"] = f.File, ["added"] = f.Added, ["changed"] = f.Changed, ["removed"] = f.Removed, ["unchanged"] = f.Unchanged,
        }).ToList();
        if (cli.Json)
        {
            cli.Output.WriteJson(new JsonObject
            {
                ["id"] = summary.RunId,
                ["tenant"] = summary.Tenant,
                ["files"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()),
                ["warnings"] = new JsonArray(summary.Warnings.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
            });
            return;
        }

        cli.Output.Table(rows, ["id", "added", "changed", "removed", "unchanged"],
            $"Imported into {summary.Tenant}: {summary.Added} added, {summary.Changed} changed, {summary.Removed} removed, {summary.Unchanged} unchanged");
        foreach (var warning in summary.Warnings)
        {
            cli.Output.Line($"  warning: {warning}");
        }
    }

    private sealed class SynchronousImportProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
