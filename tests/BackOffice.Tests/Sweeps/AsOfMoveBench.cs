using System.Globalization;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Bundle;
using BackOffice.Store.Sweeps;
using BackOffice.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: a demo tenant on which an agent sweeps at moving dates; each incremental sweep is checked against a full
/// sweep of a copy taken just before it (shared by the Workforce and Documents as-of move tests).
/// </summary>
internal sealed class AsOfMoveBench : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new();
    private readonly BundleImporter _importer;
    private readonly SweepRunner _runner;
    private int _copies;

    private AsOfMoveBench(string agent)
    {
        Agent = agent;
        Bundle = Path.Combine(_temp.Root, "bundle");
        IncrementalSweepPropertyTests.CopyFolder(RepoPaths.DemoBundle, Bundle);
        _importer = new BundleImporter(_clock);
        _runner = IncrementalSweepPropertyTests.Runner(_temp, _clock);
    }

    public const string Tenant = "moved";

    public string Agent { get; }

    public string Bundle { get; }

    public BackOffice.Store.Tenancy.TenantData Data => _temp.Tenant(Tenant, _clock);

    public string Inbox => Data.FilesFolder("inbox");

    /// <summary>The demo bundle, edited by <paramref name="edit"/> before the first import.</summary>
    public static async Task<AsOfMoveBench> CreateAsync(string agent, Action<string>? edit = null)
    {
        var bench = new AsOfMoveBench(agent);
        edit?.Invoke(bench.Bundle);
        await bench.ImportAsync();
        return bench;
    }

    public void Dispose() => _temp.Dispose();

    public Task ImportAsync() => IncrementalSweepPropertyTests.ImportOrRefusedAsync(_importer, Bundle, _temp, _clock, Tenant);

    public Task<SweepOutcome> SweepAsync(DateOnly asOf, SweepMode mode) =>
        _runner.RunAsync(Tenant, Agent, asOf, "as-of-move", 1, mode, new Progress<string>(), Ct);

    /// <summary>The incremental sweep at <paramref name="asOf"/>, asserted equal (findings and proposals) to a full sweep of a copy.</summary>
    public async Task<SweepOutcome> SweepCheckedAsync(DateOnly asOf, string step)
    {
        var copy = $"full{++_copies}";
        IncrementalSweepPropertyTests.CopyTenant(_temp, Tenant, copy);
        var outcome = await SweepAsync(asOf, SweepMode.Incremental);
        await _runner.RunAsync(copy, Agent, asOf, "as-of-move", 1, SweepMode.Full, new Progress<string>(), Ct);
        Assert.True(await SweepState.FingerprintAsync(Data, Ct) == await SweepState.FingerprintAsync(_temp.Tenant(copy, _clock), Ct),
            $"{step}, as of {asOf:yyyy-MM-dd}: incremental (per key: {outcome.PerKey}, unchanged: {outcome.Unchanged}) differs from a full sweep of a copy");
        return outcome;
    }

    /// <summary>Appends a CSV row to a bundle file.</summary>
    public void AppendRow(string file, string row) => File.AppendAllLines(Path.Combine(Bundle, file), [row]);

    /// <summary>Empties the inbox folder (the demo's documents): an input change like a file dropped by hand.</summary>
    public void ClearInbox()
    {
        foreach (var file in Directory.Exists(Inbox) ? Directory.GetFiles(Inbox) : [])
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Writes a project-system insurance policy as the Procore sync would (issue 14): the row, and its vendor journaled in
    /// the same transaction (issue 18), so an incremental sweep sees the change.
    /// </summary>
    public async Task PutPolicyAsync(string id, string vendorId, DateOnly expires)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_temp.Data.TenantFolder(Tenant), "tenant.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO project_vendor_insurances (id, vendor_id, insurance_type, policy_number, expiration_date, status, exempt, origin, row_hash)
            VALUES ($id, $vendor, 'general liability', $id, $expires, 'active', 0, 'procore', $expires)
            ON CONFLICT (id) DO UPDATE SET expiration_date = excluded.expiration_date, row_hash = excluded.row_hash
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$vendor", vendorId);
        command.Parameters.AddWithValue("$expires", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(Ct);
        await ChangeJournalStore.RecordAsync([new ChangedEntity("vendor", vendorId, "project_vendor_insurances")], "test",
            _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), connection, transaction, Ct);
        await transaction.CommitAsync(Ct);
    }
}
