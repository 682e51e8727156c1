using System.Collections.Concurrent;
using BackOffice.Store.Sqlite;

namespace BackOffice.Store.Postgres;

/// <summary>
/// Writers of one tenant queue in the host before they take a pooled connection (issue 18). A PostgreSQL writer
/// holds its connection while it waits on the tenant's advisory lock, so 100 concurrent approvals of one proposal
/// held the whole pool (10 connections) and the rest failed after the pool's 5 s wait. Queued here, a host's writers
/// of a tenant use one connection at a time; the advisory lock still orders writers across hosts. The wait is bounded:
/// past it the tenant is "busy, try again" (<see cref="TenantBusyException"/>, 503 with Retry-After in the API).
/// </summary>
internal sealed class PostgresWriteQueue(TimeSpan wait)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _tenants = new(StringComparer.Ordinal);

    /// <summary>Waits for the tenant's turn; returns what gives the turn back (call it once the unit is disposed).</summary>
    public async Task<Action> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var turn = _tenants.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!await turn.WaitAsync(wait, cancellationToken))
        {
            throw new TenantBusyException(1, new TimeoutException(
                $"{key}: waited {wait.TotalSeconds:F0} s (Store:PostgresWriteQueueSeconds) behind this host's other writers of the tenant."));
        }

        return () => turn.Release();
    }
}
