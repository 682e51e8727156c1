using BackOffice.Host.Composition;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Tests.Postgres;

/// <summary>Issue 18: the provider is checked at start, and each engine is what its setting names.</summary>
public sealed class StoreProviderStartTests
{
    private static Exception StartWith(params (string Key, string Value)[] settings)
    {
        using var directory = new TempDataDirectory();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return Assert.ThrowsAny<InvalidOperationException>(() => builder.AddBackOfficeStore(directory.Data));
    }

    [Fact]
    public void AddBackOfficeStore_Postgres_IsThePostgresEngine()
    {
        using var directory = new TempDataDirectory();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "postgres", ["Store:PostgresConnectionString"] = "Host=x;Username=app",
            ["Store:PostgresOwnerConnectionString"] = "Host=x;Username=owner",
        });

        builder.AddBackOfficeStore(directory.Data);

        Assert.IsType<BackOffice.Store.Postgres.PostgresEngine>(EngineOf(builder));
    }

    [Theory]
    [InlineData("mysql", "", "Store:Provider 'mysql' is not known")]
    [InlineData("postgres", "", "Store:PostgresConnectionString is required")]
    [InlineData("postgres", "Host=x;Username=app", "Store:PostgresOwnerConnectionString")]
    public void AddBackOfficeStore_BadStoreSettings_NamesTheSetting(string provider, string connectionString, string expected)
    {
        var refused = StartWith(("Store:Provider", provider), ("Store:PostgresConnectionString", connectionString));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBackOfficeStore_NoStoreSection_IsSqlite()
    {
        using var directory = new TempDataDirectory();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });

        builder.AddBackOfficeStore(directory.Data);

        Assert.IsType<BackOffice.Store.Sqlite.SqliteEngine>(EngineOf(builder));
    }

    // Registered by factory (the container owns and disposes it); building an engine opens no connection.
    private static StoreEngine EngineOf(HostApplicationBuilder builder)
    {
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<StoreEngine>();
    }
}
