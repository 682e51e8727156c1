using System.Collections.Concurrent;

namespace BackOffice.Store.Connectors;

/// <summary>
/// Runs one piece of work at a time per key (issues 13 and 14): a token refresh per tenant and account, so two sweeps
/// never spend the same single-use refresh token. The work re-reads what it needs, since whoever held the gate before
/// may have done it already.
/// </summary>
public sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
