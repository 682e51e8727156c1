using System.Collections.Concurrent;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Hands out each tenant's data context (issue 12), one per tenant per process, and the control database's units.
/// Registered once in the composition root; the only place that turns a tenant name into where its data lives.
/// </summary>
public sealed class TenantDataSource(DataDirectory data, TimeProvider clock, StoreEngine? engine = null) : IDisposable
{
    private readonly StoreEngine _engine = engine ?? new SqliteEngine(data);

    private readonly ConcurrentDictionary<string, TenantData> _tenants = new(StringComparer.Ordinal);

    public TimeProvider Clock => clock;

    /// <summary>How writers wait for a database another writer holds (issue 19); tests shorten it.</summary>
    public WriteRetryPolicy WriteRetry { get; init; } = WriteRetryPolicy.Default;

    /// <summary>The data context of <paramref name="tenant"/>. Does not check the tenant exists: the registry does.</summary>
    public TenantData For(string tenant) =>
        _tenants.GetOrAdd(DataDirectory.ValidTenantName(tenant),
            t => new TenantData(t, data, clock, _engine, WriteRetry));

    /// <summary>Which engine holds the data (issue 18).</summary>
    public StoreDialect Dialect => _engine.Dialect;

    /// <summary>A read unit on the control database (tenants, users, the control audit chain).</summary>
    public async Task<DataUnit> ReadControlAsync(CancellationToken cancellationToken)
    {
        var key = await _engine.AuditKeyAsync(data, cancellationToken);
        return await _engine.OpenControlAsync(write: false, WriteRetry, key, cancellationToken);
    }

    /// <summary>A write unit on the control database.</summary>
    public async Task<DataUnit> WriteControlAsync(CancellationToken cancellationToken)
    {
        var key = await _engine.AuditKeyAsync(data, cancellationToken);
        return await _engine.OpenControlAsync(write: true, WriteRetry, key, cancellationToken);
    }

    /// <summary>Closes what the tenants' contexts hold open (their change watches, issue 17).</summary>
    public void Dispose()
    {
        foreach (var tenant in _tenants.Values)
        {
            tenant.Dispose();
        }
    }
}
