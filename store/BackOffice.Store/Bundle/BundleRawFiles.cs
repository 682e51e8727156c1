using System.Security.Cryptography;
using BackOffice.Store.Tenancy;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BackOffice.Store.Bundle;

/// <summary>A raw file the bundle carries and whether it differs from what the tenant folder already holds.</summary>
public sealed record RawFile(string Kind, string Folder, string Name, string SourcePath, string Sha256, long SizeBytes, bool Changed, bool IsNew);

/// <summary>
/// The bundle's raw files (inbox documents, vendor price files). They are planned and recorded in <c>bundle_files</c>
/// inside the import transaction, and copied only after it commits, so a refused bundle copies nothing.
/// Files no longer in the bundle are kept: a received document is evidence, not bundle state.
/// </summary>
public static class BundleRawFiles
{
    private static readonly (string Kind, string Folder)[] Kinds = [("inbox", "inbox"), ("price-files", "pricebook/price-files")];

    public static async Task<IReadOnlyList<RawFile>> PlanAsync(
        string bundleDirectory, TenantData data, SqliteConnection connection, SqliteTransaction transaction,
        CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<(string Kind, string Name, string Sha256)>(new CommandDefinition(
                "SELECT kind, name, sha256 FROM bundle_files", transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => (f.Kind, f.Name), f => f.Sha256);
        var plan = new List<RawFile>();
        foreach (var (kind, folder) in Kinds)
        {
            var source = Path.Combine(bundleDirectory, folder);
            if (!Directory.Exists(source))
            {
                continue;
            }

            // Dot files (.keep, .DS_Store) are folder furniture, not documents.
            foreach (var path in Directory.GetFiles(source).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                var sha = await HashAsync(path, cancellationToken);
                var target = Path.Combine(data.FilesFolder(kind), name);
                var known = stored.TryGetValue((kind, name), out var storedSha);
                var changed = !known || storedSha != sha || !File.Exists(target);
                plan.Add(new RawFile(kind, folder, name, path, sha, new FileInfo(path).Length, changed, !known));
            }
        }

        return plan;
    }

    public static IReadOnlyList<FileImportCounts> Count(IReadOnlyList<RawFile> plan) =>
        plan.GroupBy(f => f.Folder)
            .Select(g => new FileImportCounts(g.Key + "/", g.Count(f => f.Changed && f.IsNew), g.Count(f => f.Changed && !f.IsNew), 0,
                g.Count(f => !f.Changed)))
            .ToList();

    public static async Task RecordAsync(
        IReadOnlyList<RawFile> plan, string importedAt, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var file in plan.Where(f => f.Changed))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO bundle_files (kind, name, sha256, size_bytes, imported_at) VALUES (@Kind, @Name, @Sha256, @SizeBytes, @importedAt)
                ON CONFLICT (kind, name) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes, imported_at = excluded.imported_at
                """,
                new { file.Kind, file.Name, file.Sha256, file.SizeBytes, importedAt }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Copies to a temporary name in the target folder, then renames, so a reader never sees half a file.</summary>
    public static async Task CopyAsync(
        IReadOnlyList<RawFile> plan, TenantData data, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        foreach (var file in plan.Where(f => f.Changed))
        {
            progress?.Report(new ImportProgress(ImportPhase.CopyingFiles, $"{file.Folder}/{file.Name}", 0));
            var folder = data.FilesFolder(file.Kind);
            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $".{file.Name}.{Guid.NewGuid():N}.tmp");
            await using (var source = File.OpenRead(file.SourcePath))
            await using (var target = File.Create(temporary))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            File.Move(temporary, Path.Combine(folder, file.Name), overwrite: true);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
