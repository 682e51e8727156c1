using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Support;

/// <summary>A fresh data directory per test, removed afterwards, so no test depends on another's data.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "backoffice-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Data = new DataDirectory(Root);
    }

    public string Root { get; }

    public DataDirectory Data { get; }

    public void Dispose()
    {
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
