using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Sweeps;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Imports a tenant bundle folder (docs/DATA-FORMAT.md): reads and validates every file first, then writes all tables,
/// the import run and its audit event in one transaction, with the raw files staged inside it and moved into place after
/// it commits (issue 19). A bundle with any error (including links, odd names and bytes that are not UTF-8) is refused
/// whole with a <see cref="BundleValidationException"/> and nothing is written or copied (DESIGN.md rule 7).
/// </summary>
public sealed class BundleImporter(TimeProvider clock)
{
    private readonly AuditStore _audit = new(clock);

    public Task<ImportSummary> ImportAsync(
        string bundleDirectory, TenantData data, string actor, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken) =>
        ImportAsync(bundleDirectory, data, actor, progress, BundleEncoding.Utf8, cancellationToken);

    /// <summary>Imports a bundle whose CSV files are in <paramref name="encoding"/> (issue 19: `import --encoding`); bundle.json stays UTF-8.</summary>
    public async Task<ImportSummary> ImportAsync(
        string bundleDirectory, TenantData data, string actor, IProgress<ImportProgress>? progress, BundleEncoding encoding,
        CancellationToken cancellationToken)
    {
        var tenant = data.Tenant;
        var startedAt = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var errors = new ErrorSink();
        var warnings = new List<string>();
        await BundleFileMoves.RecoverAsync(data, cancellationToken);
        if (BundleFileGuard.Present(bundleDirectory, BundleManifest.FileName))
        {
            await IsReadableTextAsync(bundleDirectory, BundleManifest.FileName, BundleEncoding.Utf8, errors, cancellationToken);
            ThrowIfAny(errors);
        }

        var manifest = await BundleManifest.ReadAsync(bundleDirectory, errors, cancellationToken);
        ThrowIfAny(errors);
        if (manifest!.Tenant is { } named && named != tenant)
        {
            warnings.Add($"{BundleManifest.FileName}: the bundle names tenant '{named}'; it was imported into '{tenant}' as asked");
        }

        // Issue 18: each file is read when the import checks it, inside the transaction, and again to write what changed.
        var sources = BundleSchema.Files.Where(f => BundleFileGuard.Present(bundleDirectory, f.Path))
            .Select(spec => (BundleRowSource)new CsvRowSource(bundleDirectory, spec, encoding)).ToList();
        var source = new ImportSource(Path.GetFullPath(bundleDirectory), manifest.Format, manifest.ExportedAt, manifest.ProjectSystem,
            manifest.LedgerSystem, Merge: false);
        return await ImportSourcesAsync(sources, source, data, actor, progress, cancellationToken, bundleDirectory, startedAt, warnings);
    }

    /// <summary>
    /// Validates and writes tables built elsewhere (issue 14: export files as downloaded) through the same all-or-nothing
    /// transaction, run record and audit event as a bundle. With <see cref="ImportSource.Merge"/> no record is removed:
    /// an export may be filtered (one job, one period), so a row it does not list is not gone; only the lines of a
    /// document the files carry are replaced (<see cref="BundleLineReplacement"/>).
    /// </summary>
    public Task<ImportSummary> ImportTablesAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, ImportSource source, TenantData data, string actor,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        ImportSourcesAsync([.. tables.Values.Select(t => (BundleRowSource)new TableRowSource(t))], source, data, actor, progress, cancellationToken,
            null, clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), []);

    private async Task<ImportSummary> ImportSourcesAsync(
        IReadOnlyList<BundleRowSource> sources, ImportSource source, TenantData data, string actor,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken, string? bundleDirectory, string startedAt,
        List<string> warnings)
    {
        var (summary, staged, rows) = await ImportInUnitAsync(sources, source, data, actor, progress, cancellationToken, bundleDirectory, startedAt, warnings);
        // Issue 18: once the import's write unit is released; the move's own write unit queues behind it on PostgreSQL.
        await BundleFileMoves.FinishAsync(data, staged, cancellationToken);
        progress?.Report(new ImportProgress(ImportPhase.Done, null, rows));
        return summary;
    }

    private async Task<(ImportSummary Summary, string Staged, int Rows)> ImportInUnitAsync(
        IReadOnlyList<BundleRowSource> sources, ImportSource source, TenantData data, string actor,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken, string? bundleDirectory, string startedAt,
        List<string> warnings)
    {
        var errors = new ErrorSink();
        // Issue 19: the key before the write lock: creating it keys this tenant's chain in a transaction of its own.
        var auditKey = await data.AuditKeyAsync(cancellationToken);
        // IMMEDIATE (or the tenant's advisory lock on PostgreSQL): the stored rows validation reads are the rows the
        // writer diffs against; no other writer slips between.
        await using var unit = await data.OpenUnitAsync(write: true, cancellationToken);
        var connection = unit.Connection;
        var transaction = unit.Transaction!;
        await using var pageCache = await ImportPageCache.EnlargeAsync(connection, transaction, cancellationToken);
        var profile = new ImportProfile();
        var touched = new HashSet<ChangedEntity>();
        await BundleWriter.DeferForeignKeysAsync(connection, transaction, cancellationToken);
        var checker = new BundleChecker(connection, transaction, source.Merge, touched, progress, profile);
        await checker.ReadAsync(sources, errors, warnings, cancellationToken);
        // Issue 19: raw files are inspected (no links, inside the bundle, bounded names) before anything is written.
        var rawSources = bundleDirectory is null ? [] : BundleRawFiles.Inspect(bundleDirectory, errors);
        ThrowIfAny(errors);
        profile.Mark(BundleChecker.RowsPhase);
        var rows = checker.Checks.Sum(c => c.Rows);
        progress?.Report(new ImportProgress(ImportPhase.Validating, null, rows));
        var validation = new ErrorSink();
        await checker.ValidateAsync(validation, cancellationToken);
        ThrowIfAny(validation);
        profile.Mark("checks across files");

        var counts = (await BundleWriter.WriteAsync(checker.Checks, connection, transaction, progress, source.Merge, touched, cancellationToken)).ToList();
        profile.Mark("write");
        var rawFiles = await BundleRawFiles.PlanAsync(rawSources, data, connection, transaction, cancellationToken);
        // Issue 18: what this import touched, inbox documents and price files included, commits with it.
        touched.UnionWith(rawFiles.Where(f => f.Changed).Select(f => new ChangedEntity(f.Kind == "inbox" ? "document" : f.Kind, f.Name)));
        await ChangeJournalStore.RecordAsync(touched, "import:" + (source.Format ?? "bundle"), startedAt, connection, transaction, cancellationToken);
        profile.Mark("journal");
        await BundleRawFiles.RecordAsync(rawFiles, startedAt, connection, transaction, cancellationToken);
        var staged = await BundleFileMoves.StageAsync(rawFiles, data, connection, transaction, progress, cancellationToken);
        counts.AddRange(BundleRawFiles.Count(rawFiles));
        var runId = await RecordRunAsync(source, startedAt, counts, connection, transaction, cancellationToken);
        await _audit.AppendAsync(connection, transaction, auditKey, actor, "import.completed", $"import:{runId}",
            AuditData(data.Tenant, source, counts, warnings.Count), cancellationToken);
        await unit.CommitAsync(cancellationToken);
        profile.Mark("raw files, audit and commit");
        return (new ImportSummary(runId, data.Tenant, counts, warnings) { Profile = profile.Phases }, staged, rows);
    }

    /// <summary>Issue 19: a plain file inside the bundle (no link) and strictly decodable, before any parser sees it.</summary>
    private static async Task<bool> IsReadableTextAsync(
        string bundleDirectory, string relative, BundleEncoding encoding, ErrorSink errors, CancellationToken cancellationToken) =>
        BundleFileGuard.IsPlainFile(bundleDirectory, relative, errors)
        && await BundleFileGuard.IsDecodableAsync(Path.Combine(bundleDirectory, relative), relative, encoding, errors, cancellationToken);

    private static void ThrowIfAny(ErrorSink errors)
    {
        if (errors.Errors.Count > 0)
        {
            throw new BundleValidationException(errors.Errors);
        }
    }

    private static async Task<long> RecordRunAsync(
        ImportSource source, string startedAt, IReadOnlyList<FileImportCounts> counts,
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO import_runs (started_at, source, format, added, changed, removed, unchanged)
            VALUES (@startedAt, @source, @format, @added, @changed, @removed, @unchanged) RETURNING id
            """,
            new
            {
                startedAt, source = source.Path, format = source.Format,
                added = counts.Sum(c => c.Added), changed = counts.Sum(c => c.Changed),
                removed = counts.Sum(c => c.Removed), unchanged = counts.Sum(c => c.Unchanged),
            },
            transaction, cancellationToken: cancellationToken));

    /// <summary>Counts and provenance only: the audit chain carries no customer amounts or names.</summary>
    private static JsonObject AuditData(
        string tenant, ImportSource source, IReadOnlyList<FileImportCounts> counts, int warnings)
    {
        var files = new JsonObject();
        foreach (var c in counts.Where(c => c.AnythingChanged))
        {
            files[c.File] = new JsonObject { ["added"] = c.Added, ["changed"] = c.Changed, ["removed"] = c.Removed };
        }

        return new JsonObject
        {
            ["tenant"] = tenant,
            ["source"] = source.Path,
            ["format"] = source.Format,
            ["exported_at"] = source.ExportedAt,
            ["project_system"] = source.ProjectSystem,
            ["ledger_system"] = source.LedgerSystem,
            ["added"] = counts.Sum(c => c.Added),
            ["changed"] = counts.Sum(c => c.Changed),
            ["removed"] = counts.Sum(c => c.Removed),
            ["unchanged"] = counts.Sum(c => c.Unchanged),
            ["warnings"] = warnings,
            ["files"] = files,
        };
    }
}
