using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Postgres;

/// <summary>Issue 18: the PostgreSQL pool and queue settings are checked at start, naming the setting that is wrong.</summary>
public sealed class StoreOptionsTests
{
    [Theory]
    [InlineData(0, 30, 30, "PostgresMaxPoolSize")]
    [InlineData(1001, 30, 30, "PostgresMaxPoolSize")]
    [InlineData(40, 0, 30, "PostgresPoolWaitSeconds")]
    [InlineData(40, 30, 601, "PostgresWriteQueueSeconds")]
    public void Validate_PoolOrQueueOutOfRange_ThrowsNamingIt(int pool, int poolWait, int queueWait, string named)
    {
        var options = new StoreOptions { PostgresMaxPoolSize = pool, PostgresPoolWaitSeconds = poolWait, PostgresWriteQueueSeconds = queueWait };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1000, 600, 600)]
    public void Validate_PoolAndQueueAtTheBounds_Accepted(int pool, int poolWait, int queueWait)
    {
        var options = new StoreOptions { PostgresMaxPoolSize = pool, PostgresPoolWaitSeconds = poolWait, PostgresWriteQueueSeconds = queueWait };

        options.Validate();

        Assert.Equal(StoreOptions.Sqlite, options.Provider);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86401)]
    public void Validate_CommandTimeoutOutOfRange_ThrowsNamingIt(int seconds)
    {
        var options = new StoreOptions { PostgresCommandTimeoutSeconds = seconds };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("PostgresCommandTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }
}
