using BackOffice.Store.Sqlite;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Whether a tenant's data changed since a stamp was read (issue 17: the console's report cache). On SQLite: the
/// file's `data_version` as one dedicated connection sees it (<see cref="SqliteChangeWatch"/>), plus the names, sizes and
/// times of the files in the inbox and price-files folders, which reports read beside the database.
/// </summary>
internal sealed class TenantChangeStamp(TenantData tenant, string databasePath) : IDisposable
{
    private static readonly string[] FileKinds = ["inbox", "price-files"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteChangeWatch? _watch;

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        if (tenant.Dialect != StoreDialect.Sqlite)
        {
            return null;
        }

        if (_watch is null)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                _watch ??= await SqliteChangeWatch.OpenAsync(databasePath, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }

        var stamp = await _watch.StampAsync(cancellationToken);
        return string.Join('|', [stamp, .. FileKinds.Select(FilesStamp)]);
    }

    private string FilesStamp(string kind)
    {
        var folder = new DirectoryInfo(tenant.FilesFolder(kind));
        if (!folder.Exists)
        {
            return "-";
        }

        var hash = new HashCode();
        foreach (var file in folder.EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
        {
            hash.Add(file.FullName, StringComparer.Ordinal);
            hash.Add(file.Length);
            hash.Add(file.LastWriteTimeUtc.Ticks);
        }

        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _gate.Dispose();
    }
}
