using BackOffice.Store.Sqlite;

namespace BackOffice.Store.Tenancy;

/// <summary>
/// Whether a tenant's data changed since a stamp was read (issue 17: the console's report cache), in the scope a
/// report reads (<see cref="ChangeScope"/>), plus the names, sizes and times of the files in the inbox and price-files
/// folders, which reports read beside the database. On SQLite any commit is the file's `data_version` as one dedicated
/// connection sees it (<see cref="SqliteChangeWatch"/>); the books' stamp is read again only when that moved. On
/// PostgreSQL both come from one query of the journal, the `sweep_inputs` counter and the audit chain.
/// </summary>
internal sealed class TenantChangeStamp(TenantData tenant, string databasePath) : IDisposable
{
    private static readonly string[] FileKinds = ["inbox", "price-files"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteChangeWatch? _watch;
    // A reference swapped whole, so concurrent requests never see a torn pair.
    private KnownBooks? _books;

    public async Task<string?> ReadAsync(ChangeScope scope, CancellationToken cancellationToken)
    {
        var files = string.Join('|', FileKinds.Select(FilesStamp));
        if (tenant.Dialect != StoreDialect.Sqlite)
        {
            return $"{await tenant.SweepMarks.ReportStampAsync(scope, cancellationToken)}|{files}";
        }

        var version = await (await WatchAsync(cancellationToken)).StampAsync(cancellationToken);
        return scope == ChangeScope.AnyCommit ? $"{version}|{files}" : $"{await BooksAsync(version, cancellationToken)}|{files}";
    }

    /// <summary>
    /// The books' stamp, queried only when something was committed since it was last read. The version is read before
    /// the query, so a commit in between leaves a newer version and the next call queries again.
    /// </summary>
    private async Task<string> BooksAsync(string version, CancellationToken cancellationToken)
    {
        if (_books is { } known && known.Version == version)
        {
            return known.Books;
        }

        var books = await tenant.SweepMarks.ReportStampAsync(ChangeScope.Books, cancellationToken);
        _books = new KnownBooks(version, books);
        return books;
    }

    private async Task<SqliteChangeWatch> WatchAsync(CancellationToken cancellationToken)
    {
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

        return _watch;
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

    private sealed record KnownBooks(string Version, string Books);

    public void Dispose()
    {
        _watch?.Dispose();
        _gate.Dispose();
    }
}
