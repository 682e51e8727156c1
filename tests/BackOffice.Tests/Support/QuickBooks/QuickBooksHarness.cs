using System.Text.Json.Nodes;
using BackOffice.Host.Composition;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.Postgres;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>A fake QuickBooks, a temp data directory and the product's services pointed at the fake (issue 13).</summary>
public sealed class QuickBooksHarness : IAsyncDisposable
{
    private readonly TempDataDirectory _dir = new();
    private IHost? _host;
    private PostgresDatabase? _database;

    public FakeQuickBooks Fake { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public TempDataDirectory Directory => _dir;

    public TenantData Tenant => Services.GetRequiredService<TenantDataSource>().For("acme");

    /// <summary>The admin the harness connects as, from the command line (issue 13: the connection is audited).</summary>
    public static readonly BackOffice.Store.Connectors.ConnectionActor Sam = new("sam", BackOffice.Store.Connectors.ConnectionAudit.ViaCli);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <param name="provider">Issue 16: the engine (<see cref="StoreOptions.Sqlite"/> or a fresh PostgreSQL database), for [StoreProviders] tests.</param>
    public static async Task<QuickBooksHarness> StartAsync(Dictionary<string, string?>? settings = null, string provider = StoreOptions.Sqlite)
    {
        var harness = new QuickBooksHarness { Fake = await FakeQuickBooks.StartAsync() };
        harness._database = provider == StoreOptions.Postgres ? await PostgresDatabase.CreateAsync() : null;
        var builder = harness._database is { } database ? PostgresBuilder(harness._dir.Data, database) : BackOfficeServices.CreateBuilder(harness._dir.Data);
        builder.Configuration.AddInMemoryCollection(harness.Settings().Concat(settings ?? []));
        harness._host = builder.Build();
        await harness.Get<TenantRegistry>().CreateAsync("acme", "test", CancellationToken.None);
        return harness;
    }

    /// <summary>The product's services on a PostgreSQL database: the engine is chosen as the services are added, so its settings come first.</summary>
    private static HostApplicationBuilder PostgresBuilder(DataDirectory data, PostgresDatabase database)
    {
        var builder = PostgresHostBuilder.For(database, data, new Dictionary<string, string?> { ["Store:PostgresMaxPoolSize"] = "10" });
        builder.AddBackOffice(data);
        return builder;
    }

    /// <summary>A harness whose tenant is connected and whose fake holds the small company (<see cref="SeedCompany"/>).</summary>
    public static async Task<QuickBooksHarness> ConnectedAsync(Dictionary<string, string?>? settings = null, string provider = StoreOptions.Sqlite)
    {
        var harness = await StartAsync(settings, provider);
        await harness.ConnectAsync();
        harness.SeedCompany();
        return harness;
    }

    /// <summary>Rows of a query on the tenant's data, on either engine (issue 16: the [StoreProviders] sync tests).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var unit = await Tenant.OpenUnitAsync(CancellationToken.None);
        return (await unit.Connection.QueryAsync<T>(new CommandDefinition(sql, transaction: unit.Transaction))).ToList();
    }

    /// <summary>Raw SQL on the tenant's data, committed, on either engine (as a test stands in for data written by an older version).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var unit = await Tenant.OpenUnitAsync(write: true, CancellationToken.None);
        await unit.Connection.ExecuteAsync(new CommandDefinition(sql, transaction: unit.Transaction));
        await unit.CommitAsync(CancellationToken.None);
    }

    /// <summary>The configuration that points the client at the fake (what `BACKOFFICE_QuickBooks__*` sets in production).</summary>
    public Dictionary<string, string?> Settings() => SettingsFor(Fake);

    public static Dictionary<string, string?> SettingsFor(FakeQuickBooks fake) => new()
    {
        ["QuickBooks:AuthorizeUrl"] = fake.BaseUrl + fake.AuthorizePath,
        ["QuickBooks:TokenUrl"] = fake.BaseUrl + fake.TokenPath,
        ["QuickBooks:RevokeUrl"] = fake.BaseUrl + fake.RevokePath,
        ["QuickBooks:ApiBaseUrl"] = fake.BaseUrl + "/v3",
        ["QuickBooks:ClientId"] = FakeQuickBooks.ClientId,
        ["QuickBooks:ClientSecret"] = FakeQuickBooks.ClientSecret,
        ["QuickBooks:ThrottleWaitSeconds"] = "0",
    };

    /// <summary>Connects tenant acme as a browser would: follow the authorize URL, read the redirect, complete.</summary>
    public Task<QuickBooksConnection> ConnectAsync() => ConnectAsync(Get<QuickBooksConnections>(), Tenant);

    /// <summary>Connects a tenant of any host (issue 18: the clustered sync test's PostgreSQL hosts) the same way.</summary>
    public static async Task<QuickBooksConnection> ConnectAsync(QuickBooksConnections connections, TenantData tenant)
    {
        const string redirect = "http://127.0.0.1:1/callback";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(connections.AuthorizeUrl("state-1", redirect));
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        Assert.Equal("state-1", query["state"]);
        return await connections.CompleteAsync(tenant, query["code"]!, query["realmId"]!, redirect, Sam, CancellationToken.None);
    }

    /// <summary>A small company: accounts, a customer with a job, a vendor, a bill, an invoice and its payment.</summary>
    public void SeedCompany() => SeedCompanyInto(Fake);

    public static void SeedCompanyInto(FakeQuickBooks fake)
    {
        // Keyed in before the first sync: CDC's changedSince has whole seconds, so "now" would fall inside the overlap.
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        fake.Add("Account", new JsonObject { ["Id"] = "64", ["Name"] = "Subcontractors", ["AcctNum"] = "5100", ["AccountType"] = "Cost of Goods Sold", ["Active"] = true }, before);
        fake.Add("Account", new JsonObject { ["Id"] = "65", ["Name"] = "Retainage Payable", ["AcctNum"] = "2150", ["AccountType"] = "Other Current Liability", ["Active"] = true }, before);
        fake.Add("Customer", new JsonObject { ["Id"] = "58", ["DisplayName"] = "Smith, J", ["FullyQualifiedName"] = "Smith, J", ["Active"] = true }, before);
        fake.Add("Customer", new JsonObject
        {
            ["Id"] = "59", ["DisplayName"] = "Kitchen Remodel", ["FullyQualifiedName"] = "Smith, J:Kitchen Remodel", ["Job"] = true,
            ["ParentRef"] = new JsonObject { ["value"] = "58" }, ["Active"] = true,
        }, before);
        fake.Add("Vendor", new JsonObject { ["Id"] = "46", ["DisplayName"] = "Rivera Plumbing", ["Active"] = true }, before);
        fake.Add("Bill", Bill("25", "B-1", 103.55m), before);
        fake.Add("Invoice", new JsonObject
        {
            ["Id"] = "130", ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["DocNumber"] = "1001", ["TxnDate"] = "2026-10-01", ["DueDate"] = "2026-10-31", ["TotalAmt"] = 5000.00m,
            ["Line"] = new JsonArray(new JsonObject { ["Amount"] = 5000.00m, ["DetailType"] = "SalesItemLineDetail", ["SalesItemLineDetail"] = new JsonObject { ["ItemRef"] = new JsonObject { ["value"] = "1", ["name"] = "Progress billing" } } }),
        }, before);
        fake.Add("Payment", new JsonObject
        {
            ["Id"] = "125", ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["TxnDate"] = "2026-10-15", ["TotalAmt"] = 3000.00m, ["UnappliedAmt"] = 500.00m,
            ["Line"] = new JsonArray(new JsonObject { ["Amount"] = 2500.00m, ["LinkedTxn"] = new JsonArray(new JsonObject { ["TxnId"] = "130", ["TxnType"] = "Invoice" }) }),
        }, before);
    }

    public static JsonObject Bill(string id, string docNumber, decimal amount) => new()
    {
        ["Id"] = id, ["DocNumber"] = docNumber, ["TxnDate"] = "2026-10-06", ["TotalAmt"] = amount,
        ["VendorRef"] = new JsonObject { ["value"] = "46", ["name"] = "Rivera Plumbing" },
        ["Line"] = new JsonArray(new JsonObject
        {
            ["Id"] = "1", ["Amount"] = amount, ["DetailType"] = "AccountBasedExpenseLineDetail",
            ["AccountBasedExpenseLineDetail"] = new JsonObject
            {
                ["AccountRef"] = new JsonObject { ["value"] = "64" }, ["CustomerRef"] = new JsonObject { ["value"] = "59" }, ["BillableStatus"] = "Billable",
            },
        }),
    };

    /// <summary>A bill or purchase order line to an account for a job (AccountBasedExpenseLineDetail; job 59 unless named).</summary>
    public static JsonObject ExpenseLine(string id, string account, decimal amount, string customer = "59") => new()
    {
        ["Id"] = id, ["Amount"] = amount, ["DetailType"] = "AccountBasedExpenseLineDetail",
        ["AccountBasedExpenseLineDetail"] = new JsonObject { ["AccountRef"] = new JsonObject { ["value"] = account }, ["CustomerRef"] = new JsonObject { ["value"] = customer } },
    };

    public async ValueTask DisposeAsync()
    {
        // The host owns its store engine: disposing it closes the PostgreSQL pool, so the throwaway database can be dropped.
        _host?.Dispose();
        await Fake.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _dir.Dispose();
    }
}
