using BackOffice.Host.Api;
using BackOffice.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.Api;

/// <summary>Issue 19: a locked tenant database is "busy, try again" (503 with Retry-After), not a 500.</summary>
public sealed class BusyTenantTests
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(1, false)]
    [InlineData(19, false)]
    public void Classify_SqliteErrorCode_BusyAndLockedAre503(int code, bool busy)
    {
        var mapped = ApiExceptionHandler.Classify(new SqliteException("database is locked", code));
        Assert.Equal(busy, mapped?.Status == 503);
        Assert.Equal(busy, StoreBusy.Is(new InvalidOperationException("wrapped", new SqliteException("x", code))));
    }
}
