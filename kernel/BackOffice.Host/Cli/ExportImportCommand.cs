using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Exports;
using BackOffice.Store.Bundle;
using BackOffice.Store.Control;
using BackOffice.Store.Exports;

namespace BackOffice.Host.Cli;

/// <summary>The options `import` takes for export files (issue 14).</summary>
public sealed class ExportImportOptions
{
    public Option<string?> Source { get; } = new("--source")
    {
        Description = "Read export files of this system as downloaded: buildertrend, quickbooks or procore",
    };

    public Option<string?> Mapping { get; } = new("--mapping") { Description = "show: print the column mapping found per file, import nothing; save: confirm and save it" };

    public Option<bool> AcceptGoodRows { get; } = new("--accept-good-rows") { Description = "Import the good rows even when some rows have errors or unsure names" };

    public Option<string?> Job { get; } = new("--job") { Description = "The job of an export of one project with no job column (Procore budget and commitments)" };

    public Option<string?> Kind { get; } = new("--kind")
    {
        Description = "The kind of export the files are (e.g. transaction-detail): a file whose header is another kind's is refused; with --mapping save and --set, the kind the mapping is for",
    };

    public Option<string[]> Sets { get; } = new("--set") { Description = "With --mapping save --kind K: field=Header text the file uses for that field" };

    public Option<string[]> Names { get; } = new("--name")
    {
        Description = "Answer an unsure name once: \"ENTITY:Name in the export=RECORD_ID\" or \"...=new\" (remembered)",
    };
}

/// <summary>`backoffice import --source S PATH [--mapping show|save] [--accept-good-rows] [--job J] [--name ...]` (issue 14).</summary>
public static class ExportImportCommand
{
    public static async Task<int> RunAsync(
        CliContext cli, ExportImportOptions options, string source, string path, string tenant, BundleEncoding encoding, CancellationToken ct)
    {
        if (!ExportImporter.Sources.Contains(source))
        {
            throw new CliException($"--source '{source}': expected {string.Join(", ", ExportImporter.Sources)}.");
        }

        var data = cli.Tenant(tenant);
        var actor = cli.Parse.GetValue(CliOptions.As) ?? Environment.GetEnvironmentVariable("BACKOFFICE_USER") ?? "cli";
        var importer = cli.Get<ExportImporter>();
        await SaveNamesAsync(cli, data.ExportImports, source, cli.Parse.GetValue(options.Names) ?? [], actor, ct);
        var mapping = cli.Parse.GetValue(options.Mapping);
        if (mapping == "save" && cli.Parse.GetValue(options.Kind) is { } saveKind)
        {
            await SaveAdjustedAsync(cli, data.ExportImports, source, saveKind, cli.Parse.GetValue(options.Sets) ?? [], actor, ct);
        }

        if (mapping is not null)
        {
            var plans = await importer.PlanAsync(data, source, path, encoding, ct);
            ShowMappings(cli, plans);
            if (mapping == "save")
            {
                await importer.SaveMappingsAsync(data, source, plans, actor, ct);
                cli.Output.Line("Saved; later imports of these kinds of file use this mapping.");
            }

            return mapping is "show" or "save" ? 0 : throw new CliException("--mapping: expected show or save.");
        }

        var kind = cli.Parse.GetValue(options.Kind);
        if (kind is not null && !ExportImporter.LayoutsFor(source).Any(l => l.Kind == kind))
        {
            throw new CliException($"--kind '{kind}': {source} kinds are {string.Join(", ", ExportImporter.LayoutsFor(source).Select(l => l.Kind))}.");
        }

        var result = await importer.ImportAsync(data, new ExportImportRequest(source, path, cli.Parse.GetValue(options.Job),
            cli.Parse.GetValue(options.AcceptGoodRows), actor, encoding, kind), ct);
        await cli.Get<AuditAnchors>().AdvanceAsync(tenant, ct);
        Print(cli, result);
        return 0;
    }

    /// <summary>A person's mapping for one kind: the built-in first names, with --set field=Header overriding them.</summary>
    private static async Task SaveAdjustedAsync(
        CliContext cli, ExportImportStore store, string source, string kind, string[] sets, string actor, CancellationToken ct)
    {
        var layout = ExportImporter.LayoutsFor(source).FirstOrDefault(l => l.Kind == kind)
            ?? throw new CliException($"--kind '{kind}': {source} kinds are {string.Join(", ", ExportImporter.LayoutsFor(source).Select(l => l.Kind))}.");
        var headers = layout.Fields.ToDictionary(f => f.Name, f => f.Headers[0], StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var (field, header) = set.Split('=', 2) is [var f, var h] && headers.ContainsKey(f.Trim())
                ? (f.Trim(), h.Trim())
                : throw new CliException($"--set '{set}': expected field=Header with a field of {kind}: {string.Join(", ", headers.Keys)}.");
            headers[field] = header;
        }

        var json = System.Text.Json.JsonSerializer.Serialize(new ExportMapping(kind, headers), ExportImporter.MappingJson);
        await store.SaveMappingAsync(source, kind, json, actor, cli.Get<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ct);
    }

    private static void ShowMappings(CliContext cli, IReadOnlyList<ExportFilePlan> plans)
    {
        foreach (var plan in plans)
        {
            if (plan.Header is not { } header)
            {
                cli.Output.Line($"{plan.Name}: no known header found");
                continue;
            }

            var row = plan.Rows[header.HeaderIndex].Row;
            cli.Output.Line($"{plan.Name}: {header.Layout.Source} {header.Layout.Kind}, header on row {row}{(header.Saved ? " (saved mapping)" : " (suggested)")}; layout: {header.Layout.Basis}");
            foreach (var field in header.Layout.Fields)
            {
                var mapped = header.Mapping.Headers.GetValueOrDefault(field.Name);
                cli.Output.Line($"  {field.Name,-14} <- {(mapped is null ? "(none)" : $"'{mapped}'")}{(field.Required ? "" : "  optional")}");
            }
        }
    }

    private static async Task SaveNamesAsync(CliContext cli, ExportImportStore store, string source, string[] answers, string actor, CancellationToken ct)
    {
        foreach (var answer in answers)
        {
            var (entity, name, id) = answer.Split('=', 2) is [var left, var right] && left.Split(':', 2) is [var e, var n]
                ? (e.Trim(), n.Trim(), right.Trim())
                : throw new CliException($"--name '{answer}': expected ENTITY:Name=RECORD_ID or ENTITY:Name=new.");
            var at = cli.Get<TimeProvider>().GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            await store.SaveNameDecisionAsync(new ExportNameDecision(source, entity, ExportNames.Key(name), id == "new" ? null : id), actor, at, ct);
        }
    }

    private static void Print(CliContext cli, ExportImportResult result)
    {
        if (result.Summary is { } summary)
        {
            ImportCommand.Print(cli, summary);
        }
        else
        {
            cli.Output.Line("Nothing to import.");
        }

        if (cli.Json)
        {
            return;
        }

        foreach (var (file, counts) in result.Batch.RowCounts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            cli.Output.Line($"  {file}: {counts.Imported} row(s) imported, {counts.Held} held back, {counts.Skipped} skipped (another kind of row, or nothing new)");
        }

        foreach (var warning in result.Batch.Warnings)
        {
            cli.Output.Line($"  warning: {warning}");
        }

        foreach (var error in result.Batch.Errors)
        {
            cli.Output.Line($"  skipped: {error}");
        }

        foreach (var name in result.Batch.Unsure)
        {
            cli.Output.Line($"  held: {ExportImportText.Describe(name)}");
        }
    }
}
