using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Support.QuickBooks;

/// <summary>
/// A loopback QuickBooks Online (issue 13) on 127.0.0.1 with a free port: OAuth 2.0 authorize/token/revoke, the v3
/// query and CDC endpoints, and Bill/JournalEntry create/read/delete, in the shapes of /work/notes/qbo.md (Intuit's
/// oauth-jsclient and oauth-pythonclient, QuickBooks-V3-DotNET-SDK, python-quickbooks, and the developer.intuit.com
/// API reference for Bill, JournalEntry, query and change data capture). One company (realm) holds the books.
/// </summary>
public sealed partial class FakeQuickBooks : IAsyncDisposable
{
    public const string ClientId = "fake-client-id";
    public const string ClientSecret = "fake-client-secret";
    public const string CompanyName = "Rivera Construction (fake)";

    private readonly WebApplication _app;
    private readonly object _lock = new();
    private int _requests;

    private FakeQuickBooks(WebApplication app, string realm)
    {
        _app = app;
        Realm = realm;
    }

    public string Realm { get; }

    public string BaseUrl { get; private set; } = "";

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>API requests served (query, cdc, entity reads and writes), the figure rate limits count.</summary>
    public int ApiRequests => Volatile.Read(ref _requests);

    /// <summary>The next N API requests are answered 429 (error 3001 ThrottleExceeded).</summary>
    public int ThrottleNext { get; set; }

    /// <summary>The next N API requests are answered 200 with a body cut off mid-JSON (a broken proxy or connection).</summary>
    public int GarbleNext { get; set; }

    /// <summary>Issue 13: CompanyInfo answers 500 with a SystemFault, so a connect fails after the code exchange.</summary>
    public bool CompanyInfoFails { get; set; }

    /// <summary>
    /// A query whose SQL this matches is answered 503 with a plain-text body, as an outage mid-sync would be (issue 13:
    /// a sync interrupted after some pages). Intuit documents no body for a 503, so the client reads the status alone.
    /// </summary>
    public Func<string, bool>? FailQuery { get; set; }

    /// <summary>Transactions dated on or before this date are in a closed period (error 6210).</summary>
    public DateOnly? ClosedThrough { get; set; }

    /// <summary>The most objects one CDC answer holds per entity (Intuit: 1,000, no paging); the rest are cut off.</summary>
    public int CdcCap { get; set; } = 1000;

    /// <summary>The highest number of API requests in flight at once, to check the client's per-realm limit.</summary>
    public int PeakConcurrency { get; private set; }

    private int _inFlight;

    /// <summary>The books: entity name -> id -> the entity as QuickBooks returns it.</summary>
    internal ConcurrentDictionary<string, SortedDictionary<long, JsonObject>> Entities { get; } = new(StringComparer.Ordinal);

    /// <summary>Deletions, for CDC: entity name, id and when.</summary>
    internal List<(string Entity, string Id, DateTimeOffset At)> Deleted { get; } = [];

    internal ConcurrentDictionary<string, (int Status, string Body)> Replies { get; } = new(StringComparer.Ordinal);

    /// <summary>Every create or delete POST as it arrived (before any replay): entity, requestid ("" if none), delete or not.</summary>
    public ConcurrentQueue<(string Entity, string RequestId, bool Delete)> Writes { get; } = new();

    /// <summary>Creates and deletes answered from the requestid cache instead of being carried out again.</summary>
    public int Replayed => Volatile.Read(ref _replayed);

    private int _replayed;

    private long _nextId = 1000;

    public static async Task<FakeQuickBooks> StartAsync(string realm = "9130350000000001")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeQuickBooks(app, realm);
        fake.MapOAuth(app);
        fake.MapApi(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    /// <summary>Adds an entity as if someone keyed it in QuickBooks (at <paramref name="updated"/>, default now); returns its id.</summary>
    public string Add(string entity, JsonObject body, DateTimeOffset? updated = null)
    {
        lock (_lock)
        {
            var id = body["Id"]?.GetValue<string>() ?? NextId();
            body["Id"] = id;
            body["SyncToken"] ??= "0";
            body["domain"] = "QBO";
            body["MetaData"] = MetaData(updated);
            Table(entity)[long.Parse(id, CultureInfo.InvariantCulture)] = body;
            return id;
        }
    }

    /// <summary>Changes an entity as a person in QuickBooks would: SyncToken moves on.</summary>
    public void Touch(string entity, string id, Action<JsonObject> change)
    {
        lock (_lock)
        {
            var body = Table(entity)[long.Parse(id, CultureInfo.InvariantCulture)];
            change(body);
            Bump(body);
        }
    }

    public void Remove(string entity, string id)
    {
        lock (_lock)
        {
            Table(entity).Remove(long.Parse(id, CultureInfo.InvariantCulture));
            Deleted.Add((entity, id, Clock.GetUtcNow()));
        }
    }

    public JsonObject? Find(string entity, string id)
    {
        lock (_lock)
        {
            return Table(entity).TryGetValue(long.Parse(id, CultureInfo.InvariantCulture), out var body) ? (JsonObject)body.DeepClone() : null;
        }
    }

    public IReadOnlyList<JsonObject> All(string entity)
    {
        lock (_lock)
        {
            return Table(entity).Values.Select(v => (JsonObject)v.DeepClone()).ToList();
        }
    }

    internal T Locked<T>(Func<T> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    internal SortedDictionary<long, JsonObject> Table(string entity) => Entities.GetOrAdd(entity, _ => []);

    internal string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    internal JsonObject MetaData(DateTimeOffset? at = null)
    {
        var now = (at ?? Clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return new JsonObject { ["CreateTime"] = now, ["LastUpdatedTime"] = now };
    }

    internal void Bump(JsonObject body)
    {
        var token = long.Parse(body["SyncToken"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        body["SyncToken"] = (token + 1).ToString(CultureInfo.InvariantCulture);
        body["MetaData"]!["LastUpdatedTime"] = Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    internal void CountIn()
    {
        Interlocked.Increment(ref _requests);
        var now = Interlocked.Increment(ref _inFlight);
        lock (_lock)
        {
            PeakConcurrency = Math.Max(PeakConcurrency, now);
        }
    }

    internal void CountOut() => Interlocked.Decrement(ref _inFlight);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
