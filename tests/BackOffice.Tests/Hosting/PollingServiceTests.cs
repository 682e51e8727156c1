using BackOffice.Host.Api;
using BackOffice.Kernel.Hosting;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Hosting;

/// <summary>
/// Issue 17: a failing pass of a background loop (the outbox's delivery once met "tenant busy") is logged and retried
/// after a backoff; it never ends the host, which .NET does by default when a BackgroundService throws.
/// </summary>
public sealed class PollingServiceTests
{
    /// <summary>Fails its first passes with what a locked tenant throws, then counts good passes.</summary>
    private sealed class FlakyLoop(FakeTimeProvider clock, int failFirst) : PollingService(NullLogger.Instance)
    {
        private int _ticks;

        public TaskCompletionSource GoodTick { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeProvider Clock => clock;

        protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

        protected override Task TickAsync(CancellationToken stoppingToken)
        {
            if (Interlocked.Increment(ref _ticks) <= failFirst)
            {
                throw new TenantBusyException(3, new InvalidOperationException("database is locked"));
            }

            GoodTick.TrySetResult();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Tick_TenantBusyTwice_HostKeepsRunningAndTheLoopRecovers()
    {
        var clock = new FakeTimeProvider();
        var loop = new FlakyLoop(clock, failFirst: 2);
        using var host = new HostBuilder().ConfigureServices(s => s.AddHostedService(_ => loop)).Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        await host.StartAsync();

        // The backoffs (1 s, then 2 s) run on the fake clock: move it until the third pass succeeds.
        while (!loop.GoodTick.Task.IsCompleted && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(loop.GoodTick.Task, Task.Delay(20));
        }

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "a failing pass stopped the host");
        Assert.True(loop.GoodTick.Task.IsCompletedSuccessfully);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    public void Backoff_FailuresInARow_DoublesUpToFiveMinutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PollingService.Backoff(failures));

    [Fact]
    public void ServeHost_EveryBackgroundService_IsAPollingService()
    {
        using var temp = new TempDataDirectory();
        var app = BackOfficeWeb.Build(temp.Data, "http://127.0.0.1:0", b => b.Configuration.AddInMemoryCollection(Api.ConsoleFactory.Settings));

        var loops = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();

        Assert.NotEmpty(loops);
        Assert.All(loops, loop => Assert.IsAssignableFrom<PollingService>(loop));
    }
}
