using System.Data.Common;
using System.Security.Cryptography;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>A raw file the bundle carries and whether it differs from what the tenant folder already holds.</summary>
/// <summary>A raw file found in the bundle, checked (issue 19): a plain file, not a link, with its normalised name.</summary>
public sealed record RawSource(string Kind, string Folder, string Path, string Name);

public sealed record RawFile(string Kind, string Folder, string Name, string SourcePath, string Sha256, long SizeBytes, bool Changed, bool IsNew);

/// <summary>
/// The bundle's raw files (inbox documents, vendor price files). They are inspected before the import transaction,
/// planned and recorded in <c>bundle_files</c> and staged inside it, and moved into place once it commits
/// (<see cref="BundleFileMoves"/>), so a refused bundle copies nothing and a committed one has all its files.
/// Files no longer in the bundle are kept: a received document is evidence, not bundle state.
/// </summary>
public static class BundleRawFiles
{
    private static readonly (string Kind, string Folder)[] Kinds = [("inbox", "inbox"), ("price-files", "pricebook/price-files")];

    /// <summary>
    /// Lists the raw files before anything is opened for writing (issue 19): folders and files that are links or not
    /// regular files, and names that are too long or odd, are errors naming the file; none of them is read.
    /// </summary>
    public static IReadOnlyList<RawSource> Inspect(string bundleDirectory, ErrorSink errors)
    {
        var sources = new List<RawSource>();
        foreach (var (kind, folder) in Kinds)
        {
            var source = Path.Combine(bundleDirectory, folder);
            if (!BundleFileGuard.Present(bundleDirectory, folder) && !Directory.Exists(source))
            {
                continue;
            }

            if (new FileInfo(source).LinkTarget is not null || new DirectoryInfo(source).LinkTarget is not null)
            {
                errors.Add(folder + "/", null, null, "the folder is a symbolic link; the importer never follows links");
                continue;
            }

            // Dot files (.keep, .DS_Store) are folder furniture, not documents.
            foreach (var path in Directory.EnumerateFileSystemEntries(source).Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var relative = $"{folder}/{Path.GetFileName(path)}";
                if (BundleFileGuard.IsPlainFile(bundleDirectory, relative, errors)
                    && BundleNames.Normalise(Path.GetFileName(path), relative, errors) is { } name)
                {
                    sources.Add(new RawSource(kind, folder, path, name));
                }
            }

            foreach (var clash in sources.Where(s => s.Kind == kind).GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add($"{folder}/{clash.Key}", null, null, $"{clash.Count()} files have this name once normalised and case is ignored; rename all but one");
            }
        }

        return sources;
    }

    public static async Task<IReadOnlyList<RawFile>> PlanAsync(
        IReadOnlyList<RawSource> sources, TenantData data, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<(string Kind, string Name, string Sha256)>(new CommandDefinition(
                "SELECT kind, name, sha256 FROM bundle_files", transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => (f.Kind, f.Name), f => f.Sha256);
        var plan = new List<RawFile>();
        foreach (var (kind, folder, path, name) in sources)
        {
            var sha = await HashAsync(path, cancellationToken);
            var target = Path.Combine(data.FilesFolder(kind), name);
            var known = stored.TryGetValue((kind, name), out var storedSha);
            var changed = !known || storedSha != sha || !File.Exists(target);
            plan.Add(new RawFile(kind, folder, name, path, sha, new FileInfo(path).Length, changed, !known));
        }

        return plan;
    }

    public static IReadOnlyList<FileImportCounts> Count(IReadOnlyList<RawFile> plan) =>
        plan.GroupBy(f => f.Folder)
            .Select(g => new FileImportCounts(g.Key + "/", g.Count(f => f.Changed && f.IsNew), g.Count(f => f.Changed && !f.IsNew), 0,
                g.Count(f => !f.Changed)))
            .ToList();

    public static async Task RecordAsync(
        IReadOnlyList<RawFile> plan, string importedAt, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var file in plan.Where(f => f.Changed))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO bundle_files (kind, name, sha256, size_bytes, imported_at) VALUES (@Kind, @Name, @Sha256, @SizeBytes, @importedAt)
                ON CONFLICT ({StoreSql.ConflictOn(connection, "kind, name")}) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes, imported_at = excluded.imported_at
                """,
                new { file.Kind, file.Name, file.Sha256, file.SizeBytes, importedAt }, transaction, cancellationToken: cancellationToken));
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
