using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BackOffice.Store.Bundle;
using BackOffice.Store.Exports;
using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Exports;

/// <summary>One export file as read: its rows and the header found in it (null when no known layout's header is there).</summary>
public sealed record ExportFilePlan(string Path, IReadOnlyList<ExportSheetRow> Rows, DetectedHeader? Header)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <param name="Job">The job for exports of one project that carry no job column (Procore's).</param>
/// <param name="Encoding">How CSV files are decoded (issue 19): strict UTF-8 unless `--encoding` names another.</param>
/// <param name="Kind">The kind the person says the files are (`--kind`, issue 14): a file whose header is another kind's is refused.</param>
public sealed record ExportImportRequest(
    string Source, string Path, string? Job, bool AcceptGoodRows, string Actor, BundleEncoding? Encoding = null, string? Kind = null);

/// <summary>What an import did: the bundle importer's counts (null when nothing was importable), and the rows held back.</summary>
public sealed record ExportImportResult(ImportSummary? Summary, IReadOnlyList<ExportFilePlan> Files, ExportBatch Batch);

/// <summary>
/// `backoffice import --source S FILE_OR_DIR` (issue 14): reads each export file as downloaded, finds its header and
/// kind, turns its rows into the canonical records, and stores them through the bundle importer's one transaction as
/// a merge (nothing is removed). With any error or unsure name nothing is imported unless good rows are accepted.
/// </summary>
public sealed partial class ExportImporter(BundleImporter bundles, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Sources = ["buildertrend", "quickbooks", "procore"];

    public static IReadOnlyList<ExportLayout> LayoutsFor(string source) => source switch
    {
        "buildertrend" => BuildertrendExports.Layouts,
        "quickbooks" => QuickBooksExports.Layouts,
        "procore" => ProcoreExports.Layouts,
        _ => throw new ArgumentException($"unknown source '{source}': expected {string.Join(", ", Sources)}", nameof(source)),
    };

    public static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web);

    public Task<IReadOnlyList<ExportFilePlan>> PlanAsync(TenantData data, string source, string path, CancellationToken cancellationToken) =>
        PlanAsync(data, source, path, BundleEncoding.Utf8, cancellationToken);

    public async Task<IReadOnlyList<ExportFilePlan>> PlanAsync(
        TenantData data, string source, string path, BundleEncoding encoding, CancellationToken cancellationToken)
    {
        var layouts = LayoutsFor(source);
        var saved = (await data.ExportImports.MappingJsonAsync(source, cancellationToken))
            .ToDictionary(m => m.Key, m => JsonSerializer.Deserialize<ExportMapping>(m.Value, MappingJson)!, StringComparer.Ordinal);
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [path];
        var plans = new List<ExportFilePlan>();
        foreach (var file in files)
        {
            var rows = await ExportSheetReader.ReadAsync(file, encoding, cancellationToken);
            plans.Add(new ExportFilePlan(file, rows, ExportHeaderDetector.Detect(rows, layouts, saved)));
        }

        // Dependency order: the catalog lists masters (accounts, vendors, customers) and parents (POs) before the rows naming them.
        return plans.OrderBy(p => p.Header is null ? -1 : IndexOf(layouts, p.Header.Layout)).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
    }

    public async Task SaveMappingsAsync(TenantData data, string source, IEnumerable<ExportFilePlan> plans, string actor, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var header in plans.Select(p => p.Header).OfType<DetectedHeader>().Where(h => !h.Saved).DistinctBy(h => h.Layout.Kind))
        {
            await data.ExportImports.SaveMappingAsync(source, header.Layout.Kind, JsonSerializer.Serialize(header.Mapping, MappingJson), actor, at, cancellationToken);
        }
    }

    /// <summary>
    /// Reads and converts the files as the import would, and stores nothing: the console's preview (issue 14) shows the
    /// mapping, the first rows and every row error from this before the person confirms.
    /// </summary>
    public async Task<(IReadOnlyList<ExportFilePlan> Plans, ExportBatch Batch)> PrepareAsync(
        TenantData data, ExportImportRequest request, CancellationToken cancellationToken)
    {
        var plans = await PlanAsync(data, request.Source, request.Path, request.Encoding ?? BundleEncoding.Utf8, cancellationToken);
        var batch = new ExportBatch(await ExportNames.LoadAsync(data, request.Source, cancellationToken),
            await data.Project.CostCodesAsync(cancellationToken), request.Job,
            (await data.Ledger.AccountsAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Type, StringComparer.Ordinal));
        foreach (var plan in plans)
        {
            Convert(plan, request.Source, batch);
        }

        return (plans, batch);
    }

    public async Task<ExportImportResult> ImportAsync(TenantData data, ExportImportRequest request, CancellationToken cancellationToken)
    {
        var (plans, batch) = await PrepareAsync(data, request, cancellationToken);
        if (KindMismatch(request.Kind, plans) is { } mismatch)
        {
            throw new ExportImportException([new BundleError(mismatch.File, null, null, mismatch.Message)], []);
        }

        if ((batch.Errors.Count > 0 || batch.Unsure.Count > 0) && !request.AcceptGoodRows)
        {
            throw new ExportImportException(batch.Errors, batch.Unsure);
        }

        await SaveMappingsAsync(data, request.Source, plans, request.Actor, cancellationToken);
        if (batch.Tables.Count == 0)
        {
            return new ExportImportResult(null, plans, batch);
        }

        var source = new ImportSource(Path.GetFullPath(request.Path), $"export/{request.Source}", null,
            request.Source == "quickbooks" ? null : request.Source, request.Source == "quickbooks" ? "quickbooks-online" : null, Merge: true);
        try
        {
            return new ExportImportResult(await bundles.ImportTablesAsync(batch.Tables, source, data, request.Actor, null, cancellationToken), plans, batch);
        }
        catch (BundleValidationException ex)
        {
            // Name the export file and row, not the canonical file the row became.
            throw new ExportImportException(ex.Errors.Select(e => Translate(e, batch)).ToList(), []);
        }
    }

    /// <summary>A kind was chosen and a file's header is another's (or none): the first such file and what its header is.</summary>
    public static (string File, string Message)? KindMismatch(string? kind, IReadOnlyList<ExportFilePlan> plans) =>
        kind is not null && plans.FirstOrDefault(p => p.Header?.Layout.Kind != kind) is { } other
            ? (other.Name, $"you chose {kind}, but its header is {(other.Header is null ? "not one of a known export" : "a " + other.Header.Layout.Kind + " export")}.")
            : null;

    private static void Convert(ExportFilePlan plan, string source, ExportBatch batch)
    {
        if (plan.Header is null)
        {
            var kinds = string.Join("; ", LayoutsFor(source).Select(l => $"{l.Kind} ({string.Join(", ", l.Fields.Where(f => f.Required).Select(f => f.Headers[0]))})"));
            batch.Errors.Add(new BundleError(plan.Name, null, null, $"no header row of a known {source} export was found; expected one of: {kinds}"));
            return;
        }

        var header = plan.Header;
        var groups = new ExportGroups();
        foreach (var sheetRow in plan.Rows.Skip(header.HeaderIndex + 1))
        {
            var row = new ExportRow(plan.Name, sheetRow.Row, sheetRow.Cells, header, batch.Errors, groups.Open);
            if (!IsDataRow(sheetRow, row, header.Layout))
            {
                groups.Track(sheetRow);
                continue;
            }

            batch.BeginRow();
            header.Layout.Convert(row, batch);
            batch.EndRow(row);
        }
    }

    /// <summary>
    /// Group, subtotal, total and footer rows have a blank key cell, start with "Total", or (QuickBooks' footer) are one
    /// cell holding the report's timestamp, "Wednesday, November 25, 2026 04:12 PM"; blank rows are nothing.
    /// </summary>
    private static bool IsDataRow(ExportSheetRow sheetRow, ExportRow row, ExportLayout layout)
    {
        var filled = sheetRow.Cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return filled.Count > 0
            && !filled[0].StartsWith("total", StringComparison.OrdinalIgnoreCase)
            && !filled[0].StartsWith("grand total", StringComparison.OrdinalIgnoreCase)
            && !(filled.Count == 1 && FooterPattern().IsMatch(filled[0]))
            && row.TextOrNull(layout.KeyField) is not null;
    }

    [GeneratedRegex(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4},? \d{1,2}:\d{2}")]
    private static partial Regex FooterPattern();

    private static BundleError Translate(BundleError error, ExportBatch batch) =>
        error.Line is { } line && batch.Origin(line) is { } origin
            ? new BundleError(origin.File, origin.Row, error.Column, $"{error.File}: {error.Message}")
            : error;

    private static int IndexOf(IReadOnlyList<ExportLayout> layouts, ExportLayout layout) => layouts.ToList().IndexOf(layout);
}
