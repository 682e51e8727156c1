using System.Data.Common;
using System.Globalization;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 19: raw file copies in the same all-or-nothing unit as the rows. Before commit, every changed file is copied
/// to <c>.staging/TOKEN/</c> under the tenant folder and TOKEN is recorded in <c>bundle_file_moves</c> in the import
/// transaction; after commit the staged files are moved into place and the token removed. A crash in between leaves a
/// staging folder that <see cref="RecoverAsync"/> finishes (token committed) or deletes (token rolled back).
/// </summary>
public static class BundleFileMoves
{
    private const string StagingFolder = ".staging";

    /// <summary>Copies the changed files into a new staging folder and records its token in the transaction.</summary>
    public static async Task<string> StageAsync(
        IReadOnlyList<RawFile> plan, TenantData data, DbConnection connection, DbTransaction transaction,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(data.Folder, StagingFolder, token);
        try
        {
            foreach (var file in plan.Where(f => f.Changed))
            {
                progress?.Report(new ImportProgress(ImportPhase.CopyingFiles, $"{file.Folder}/{file.Name}", 0));
                Directory.CreateDirectory(Path.Combine(staging, file.Kind));
                await using var source = new FileStream(file.SourcePath, FileMode.Open, FileAccess.Read, FileShare.Read);
                await using var target = new FileStream(Path.Combine(staging, file.Kind, file.Name), FileMode.CreateNew, FileAccess.Write);
                await source.CopyToAsync(target, cancellationToken);
            }
        }
        catch (IOException ex)
        {
            // The transaction rolls back with this error; the staged copies go with it, and the message names the file.
            DeleteQuietly(staging);
            throw new BundleValidationException([new BundleError("raw files", null, null, $"a file could not be staged: {ex.Message}")]);
        }
        catch (Exception)
        {
            DeleteQuietly(staging);
            throw;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO bundle_file_moves (token, staged_at) VALUES (@token, @at)",
            new { token, at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, transaction, cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>Moves a committed staging folder's files into place (overwriting), then forgets the token.</summary>
    public static async Task FinishAsync(TenantData data, string token, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(data.Folder, StagingFolder, token);
        if (Directory.Exists(staging))
        {
            foreach (var kindFolder in Directory.GetDirectories(staging))
            {
                var target = data.FilesFolder(Path.GetFileName(kindFolder));
                Directory.CreateDirectory(target);
                foreach (var file in Directory.GetFiles(kindFolder))
                {
                    File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
                }
            }

            Directory.Delete(staging, recursive: true);
        }

        // Issue 18: in a write unit, like the import that recorded the token.
        await data.InWriteUnitAsync(unit => unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bundle_file_moves WHERE token = @token", new { token }, unit.Transaction, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Finishes committed moves and deletes rolled-back staging left by a crash; returns how many of each.</summary>
    public static Task<(int Finished, int Discarded)> RecoverAsync(TenantData data, CancellationToken cancellationToken) =>
        RecoverAsync(data, DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>
    /// As <see cref="RecoverAsync(TenantData, CancellationToken)"/>, but deletes only uncommitted staging last written
    /// before <paramref name="discardStagedBefore"/>: at host start-up (issue 19) another process may be importing now.
    /// </summary>
    public static async Task<(int Finished, int Discarded)> RecoverAsync(
        TenantData data, DateTimeOffset discardStagedBefore, CancellationToken cancellationToken)
    {
        var root = Path.Combine(data.Folder, StagingFolder);
        HashSet<string> committed;
        // Read and released before each finish opens its write unit.
        await using (var connectionUnit = await data.OpenUnitAsync(cancellationToken))
        {
            committed = (await connectionUnit.Connection.QueryAsync<string>(new CommandDefinition(
                "SELECT token FROM bundle_file_moves", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        }

        var (finished, discarded) = (0, 0);
        foreach (var token in committed)
        {
            await FinishAsync(data, token, cancellationToken);
            finished++;
        }

        foreach (var folder in (Directory.Exists(root) ? Directory.GetDirectories(root) : [])
                     .Where(f => Directory.GetLastWriteTimeUtc(f) < discardStagedBefore.UtcDateTime))
        {
            Directory.Delete(folder, recursive: true);
            discarded++;
        }

        return (finished, discarded);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind, it is removed by RecoverAsync at the next import: its token was never committed.
        }
    }
}
