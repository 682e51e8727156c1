using BackOffice.Host.Api;
using BackOffice.Store.Sqlite;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Data.Sqlite;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19: a writer that finds the tenant's database locked by another connection retries with jittered backoff,
/// then answers "busy" (503 with Retry-After in the API) instead of waiting 10-31 s and crashing.
/// </summary>
public sealed class WriteRetryTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    [Fact]
    public async Task WriteAsync_LockReleasedDuringBackoff_RetriesThenCommits()
    {
        var retries = new List<int>();
        using var holder = await HoldWriteLockAsync();
        var source = new TenantDataSource(_dir.Data, TimeProvider.System)
        {
            WriteRetry = new WriteRetryPolicy(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50))
            {
                Retrying = (retry, _) => { retries.Add(retry); holder.Release(); },
            },
        };

        await using var unit = await source.For("acme").WriteAsync(CancellationToken.None);
        await unit.CommitAsync(CancellationToken.None);

        Assert.Equal([1], retries);
    }

    [Fact]
    public async Task WriteAsync_LockHeldThroughAllAttempts_TenantBusyNamingAttempts()
    {
        var retries = new List<int>();
        using var holder = await HoldWriteLockAsync();
        var source = new TenantDataSource(_dir.Data, TimeProvider.System)
        {
            WriteRetry = new WriteRetryPolicy(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50))
            {
                Retrying = (retry, _) => retries.Add(retry),
            },
        };

        var busy = await Assert.ThrowsAsync<TenantBusyException>(() => source.For("acme").WriteAsync(CancellationToken.None));

        Assert.Equal(3, busy.Attempts);
        Assert.Equal([1, 2], retries);
        Assert.Equal(StoreBusy.Message, busy.Message);
        Assert.True(StoreBusy.Is(busy));
        Assert.Equal(503, ApiExceptionHandler.Classify(busy)?.Status);
    }

    [Theory]
    [InlineData(1, 50, 100)]
    [InlineData(2, 100, 200)]
    [InlineData(3, 200, 400)]
    [InlineData(4, 400, 800)]
    [InlineData(5, 400, 800)]
    [InlineData(9, 400, 800)]
    public void DelayBefore_Retry_JitteredWithinHalfToFullOfCappedExponential(int retry, double lowMs, double highMs)
    {
        var random = new Random(retry);
        for (var i = 0; i < 200; i++)
        {
            var delay = WriteRetryPolicy.Default.DelayBefore(retry, random).TotalMilliseconds;
            Assert.InRange(delay, lowMs, highMs);
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Another connection (as another process would) holds the write lock of acme's database.</summary>
    private async Task<LockHolder> HoldWriteLockAsync()
    {
        await using (await _dir.Tenant("acme").ReadAsync(CancellationToken.None))
        {
            // Opening once creates and migrates the database, so the holder locks a real tenant file.
        }

        var connection = new SqliteConnection($"Data Source={_dir.Data.TenantDatabasePath("acme")};Pooling=False");
        connection.Open();
        return new LockHolder(connection, connection.BeginTransaction());
    }

    private sealed class LockHolder(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        private bool _released;

        public void Release()
        {
            if (!_released)
            {
                transaction.Rollback();
                _released = true;
            }
        }

        public void Dispose()
        {
            Release();
            transaction.Dispose();
            connection.Dispose();
        }
    }
}
