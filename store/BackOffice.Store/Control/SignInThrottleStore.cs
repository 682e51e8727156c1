using System.Globalization;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Control;

/// <summary>
/// Issue 19: the sign-in throttle's counts in the control database (`sign_in_throttle`), shared by every process and
/// host of the installation and kept across restarts. The policy (how long a lock lasts) is the caller's.
/// </summary>
public sealed class SignInThrottleStore(TenantDataSource data)
{
    /// <summary>A key not touched for this long starts again from zero (OWASP: throttling, not permanent lockout).</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    /// <summary>The latest time any of <paramref name="keys"/> is locked until, or null when none has a row.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var unit = await data.ReadControlAsync(cancellationToken);
        var until = new List<string>();
        foreach (var key in keys)
        {
            until.AddRange(await unit.Connection.QueryAsync<string>(new CommandDefinition(
                "SELECT locked_until FROM sign_in_throttle WHERE throttle_key = @key", new { key }, unit.Transaction,
                cancellationToken: cancellationToken)));
        }

        return until.Count == 0 ? null : until.Select(u => DateTimeOffset.Parse(u, CultureInfo.InvariantCulture)).Max();
    }

    /// <summary>Counts one more failure on each key and locks it for <paramref name="delayAfter"/>(its new count).</summary>
    public async Task RecordFailureAsync(
        IReadOnlyList<string> keys, DateTimeOffset now, Func<int, TimeSpan> delayAfter, CancellationToken cancellationToken)
    {
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_throttle WHERE updated_at < @cutoff", new { cutoff = Text(now - Forget) }, unit.Transaction,
            cancellationToken: cancellationToken));
        foreach (var key in keys)
        {
            // Read and write inside the one write transaction: two hosts counting the same key serialise on its lock.
            var failures = 1 + await unit.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COALESCE(MAX(failures), 0) FROM sign_in_throttle WHERE throttle_key = @key", new { key }, unit.Transaction,
                cancellationToken: cancellationToken));
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO sign_in_throttle (throttle_key, failures, locked_until, updated_at) VALUES (@key, @failures, @until, @now)
                ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until,
                    updated_at = excluded.updated_at
                """, new { key, failures, until = Text(now + delayAfter(failures)), now = Text(now) }, unit.Transaction,
                cancellationToken: cancellationToken));
        }

        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets <paramref name="key"/>'s count (a successful sign-in clears its user name).</summary>
    public async Task ClearAsync(string key, CancellationToken cancellationToken)
    {
        await using var unit = await data.WriteControlAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sign_in_throttle WHERE throttle_key = @key", new { key }, unit.Transaction, cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
