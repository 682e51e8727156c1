using BackOffice.Host.Composition;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using BackOffice.Tests.Support.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Postgres;

/// <summary>
/// Issue 18: the host owns its store engine. Disposing a host closes its PostgreSQL pool (an engine registered as an
/// instance was never disposed, so each host's idle connections lived until the process ended), whether the host is
/// disposed synchronously or asynchronously.
/// </summary>
public sealed class StoreEngineOwnershipTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [PostgresTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DisposeHost_Postgres_ClosesTheEnginesPool(bool asynchronously)
    {
        using var directory = new TempDataDirectory();
        await using var database = await PostgresDatabase.CreateAsync();
        var host = Build(directory.Data, database);
        await host.Services.GetRequiredService<TenantRegistry>().CreateAsync("acme", "test", Ct);
        var tenant = host.Services.GetRequiredService<TenantDataSource>().For("acme");
        await using (var unit = await tenant.OpenUnitAsync(Ct))
        {
            await unit.CommitAsync(Ct);
        }

        if (asynchronously)
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
        else
        {
            host.Dispose();
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => tenant.OpenUnitAsync(Ct));
    }

    private static IHost Build(DataDirectory data, PostgresDatabase database)
    {
        var builder = PostgresHostBuilder.For(database, data);
        builder.AddBackOffice(data);
        return builder.Build();
    }
}
