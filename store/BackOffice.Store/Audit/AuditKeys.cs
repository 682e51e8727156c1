using System.Collections.Concurrent;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Audit;

/// <summary>
/// Issue 19: finds the audit key of a data directory, once per process and key file. A key file that exists is read; a
/// missing one is created (and every existing chain keyed from then on, <see cref="AuditKeying"/>) only when the control
/// database records no key. When it does, or when the file was configured, a missing key is an
/// <see cref="AuditKeyException"/> naming the file: a new key would make every keyed chain look rewritten.
/// </summary>
public static class AuditKeys
{
    private static readonly ConcurrentDictionary<string, AuditKey> Loaded = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Creating = new(1, 1);

    public static async Task<AuditKey> ForAsync(DataDirectory data, CancellationToken cancellationToken)
    {
        var path = data.AuditKeyFile;
        if (Loaded.TryGetValue(path, out var cached) && File.Exists(path))
        {
            return cached;
        }

        await Creating.WaitAsync(cancellationToken);
        try
        {
            var key = File.Exists(path) ? AuditKey.Read(path) : await CreateAsync(data, path, cancellationToken);
            await CheckRecordedAsync(data, key, cancellationToken);
            Loaded[path] = key;
            return key;
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>
    /// The key file alone, created if missing (PostgreSQL, issue 18): there is no control.db to record or check the
    /// fingerprint in, nor pre-key SQLite chains to key.
    /// </summary>
    internal static AuditKey FromFile(DataDirectory data)
    {
        var path = data.AuditKeyFile;
        if (Loaded.TryGetValue(path, out var cached) && File.Exists(path))
        {
            return cached;
        }

        if (!File.Exists(path) && data.AuditKeyConfigured)
        {
            throw new AuditKeyException($"The audit key file {path} (Audit:KeyFile) does not exist. Restore it, or remove the setting to use {data.DefaultAuditKeyFile}.");
        }

        var key = File.Exists(path) ? AuditKey.Read(path) : AuditKey.TryCreate(path) ?? AuditKey.Read(path);
        Loaded[path] = key;
        return key;
    }

    private static async Task<AuditKey> CreateAsync(DataDirectory data, string path, CancellationToken cancellationToken)
    {
        if (data.AuditKeyConfigured)
        {
            throw new AuditKeyException($"The audit key file {path} (Audit:KeyFile) does not exist. Restore it, or remove the setting to use {data.DefaultAuditKeyFile}.");
        }

        if (await RecordedFingerprintAsync(data, cancellationToken) is { } recorded)
        {
            throw new AuditKeyException(
                $"The audit key {path} is missing, but this installation's audit chains are keyed with key {recorded}. " +
                "Restore the file from your backup (or set Audit:KeyFile to where it is); without it no chain can be verified or extended.");
        }

        var key = AuditKey.TryCreate(path) ?? AuditKey.Read(path);
        await AuditKeying.KeyExistingChainsAsync(data, key, cancellationToken);
        return key;
    }

    private static async Task CheckRecordedAsync(DataDirectory data, AuditKey key, CancellationToken cancellationToken)
    {
        if (await RecordedFingerprintAsync(data, cancellationToken) is { } recorded && recorded != key.Fingerprint)
        {
            throw new AuditKeyException(
                $"The audit key {data.AuditKeyFile} is key {key.Fingerprint}, but this installation's audit chains are keyed with key {recorded}. " +
                "Restore the right key file.");
        }
    }

    private static async Task<string?> RecordedFingerprintAsync(DataDirectory data, CancellationToken cancellationToken)
    {
        if (!File.Exists(data.ControlDatabasePath))
        {
            return null;
        }

        await using var control = await Databases.OpenControlAsync(data.ControlDatabasePath, cancellationToken);
        return await control.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT fingerprint FROM audit_key WHERE id = 1", cancellationToken: cancellationToken));
    }
}
