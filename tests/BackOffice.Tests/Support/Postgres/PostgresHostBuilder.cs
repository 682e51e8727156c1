using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Support.Postgres;

/// <summary>
/// Issue 18: a host builder for the product on a throwaway PostgreSQL database, its store settings first (the engine is
/// chosen as the services are added) and <paramref name="settings"/> over them. The caller adds its own logging and
/// services, then calls AddBackOffice. The built host owns its engine: disposing it closes the pool before the drop.
/// </summary>
public static class PostgresHostBuilder
{
    public static HostApplicationBuilder For(PostgresDatabase database, DataDirectory data, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [], ContentRootPath = data.Root, EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = StoreOptions.Postgres,
            ["Store:PostgresConnectionString"] = database.Options.PostgresConnectionString,
            ["Store:PostgresOwnerConnectionString"] = database.Options.PostgresOwnerConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        return builder;
    }
}
