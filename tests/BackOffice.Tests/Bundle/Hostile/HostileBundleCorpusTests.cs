using System.Security.Cryptography;
using BackOffice.Store.Bundle;
using BackOffice.Tests.Support;
using Xunit.Abstractions;

namespace BackOffice.Tests.Bundle.Hostile;

/// <summary>
/// Issue 19: every hostile bundle of <see cref="HostileBundleCases"/> is refused with an error naming a file, and the
/// tenant (its database and every file in its folder) is byte for byte what the clean import left. Prints the table
/// tried / held / failed per category for the issue note.
/// </summary>
public sealed class HostileBundleCorpusTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ImportAsync_EveryHostileBundle_RefusedClearlyAndTenantUnchangedByteForByte()
    {
        var importer = new BundleImporter(_clock);
        var tenant = _temp.Tenant("demo", _clock);
        await importer.ImportAsync(RepoPaths.DemoBundle, tenant, "controller@demo", null, CancellationToken.None);
        await using (var other = await _temp.Tenant("other", _clock).OpenAsync(CancellationToken.None))
        {
            // Another tenant's database exists, so a link to it is a real exfiltration attempt.
        }

        var targets = new HostileTargets(Path.Combine(_temp.Root, "tenants", "other", "tenant.db"), Directory.CreateDirectory(Path.Combine(_temp.Root, "outside")).FullName);
        var before = Snapshot();
        var results = new List<(string Category, string Name, string? Failure)>();
        var index = 0;
        foreach (var hostile in HostileBundleCases.All())
        {
            var bundle = Path.Combine(_temp.Root, "bundles", (index++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            CopyDirectory(RepoPaths.DemoBundle, bundle);
            hostile.Apply(bundle, targets);
            var failure = await TryAsync(importer, bundle, tenant, BundleEncoding.Parse(hostile.Encoding));
            var after = Snapshot();
            failure ??= after == before ? null : "the tenant changed";
            before = after;
            results.Add((hostile.Category, hostile.Name, failure));
        }

        Report(results);
        Assert.True(results.Count >= 250, $"only {results.Count} cases");
        Assert.Empty(results.Where(r => r.Failure is not null).Select(r => $"{r.Name}: {r.Failure}"));
    }

    private static async Task<string?> TryAsync(
        BundleImporter importer, string bundle, BackOffice.Store.Tenancy.TenantData tenant, BundleEncoding encoding)
    {
        try
        {
            await importer.ImportAsync(bundle, tenant, "controller@demo", null, encoding, CancellationToken.None);
            return "imported";
        }
        catch (BundleValidationException refused)
        {
            return refused.Errors.Count > 0 && refused.Errors.All(e => e.File.Length > 0 && e.Message.Length > 0) ? null : "an error without a file";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>Hash of every file under the tenant folder except SQLite's shared-memory index, which is not data.</summary>
    private string Snapshot()
    {
        var root = Path.Combine(_temp.Root, "tenants", "demo");
        // Connections are pooled (issue 12) and any test may clear every pool, which checkpoints and deletes the WAL in the
        // middle of a snapshot. Closing them first makes the database file alone hold the tenant's state.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var lines = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("-shm", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        return string.Join("\n", lines);
    }

    private void Report(List<(string Category, string Name, string? Failure)> results)
    {
        output.WriteLine($"{"category",-14} {"tried",6} {"held",6} {"failed",6}");
        foreach (var group in results.GroupBy(r => r.Category))
        {
            output.WriteLine($"{group.Key,-14} {group.Count(),6} {group.Count(r => r.Failure is null),6} {group.Count(r => r.Failure is not null),6}");
        }

        output.WriteLine($"{"total",-14} {results.Count,6} {results.Count(r => r.Failure is null),6} {results.Count(r => r.Failure is not null),6}");
        foreach (var failed in results.Where(r => r.Failure is not null))
        {
            output.WriteLine($"FAILED {failed.Name}: {failed.Failure}");
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
