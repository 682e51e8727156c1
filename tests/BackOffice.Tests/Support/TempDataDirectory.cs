using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Support;

/// <summary>A fresh data directory per test, removed afterwards, so no test depends on another's data.</summary>
public sealed class TempDataDirectory : IDisposable
{
    private readonly Dictionary<TimeProvider, TenantDataSource> _sources = [];

    public TempDataDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "backoffice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Data = new DataDirectory(Root);
    }

    public string Root { get; }

    public DataDirectory Data { get; }

    /// <summary>The data source over this directory, with the given clock (the system clock when none).</summary>
    public TenantDataSource Source(TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        if (!_sources.TryGetValue(clock, out var source))
        {
            source = new TenantDataSource(Data, clock);
            _sources[clock] = source;
        }

        return source;
    }

    /// <summary>A tenant's data context over this directory.</summary>
    public TenantData Tenant(string tenant, TimeProvider? clock = null) => Source(clock).For(tenant);

    public void Dispose()
    {
        foreach (var source in _sources.Values)
        {
            source.Dispose(); // closes the tenants' change watches (issue 17)
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow CI disk is left for the OS temp cleaner; the next test uses a new folder.
        }
    }
}
