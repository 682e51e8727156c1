using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.Tests.Support.Procore;

/// <summary>
/// A loopback Procore (issue 14) on 127.0.0.1 with a free port, speaking the protocol in /work/notes/procore.md:
/// OAuth 2.0 at /oauth/authorize, /oauth/token (authorization_code, refresh_token, client_credentials) and /oauth/revoke
/// (developers.procore.com oauth-endpoints, oauth-client-credentials); REST v1.0/v1.1 under /rest with the
/// Procore-Company-Id header (tutorial_mpz), page/per_page paging with Link, Total and Per-Page (pagination.md),
/// X-Rate-Limit-* headers and 429 (rate_limiting.md), 401 on an expired token (error_reference.md). Resource shapes are
/// those of the OpenAPI-generated SDK (weigandconstruction/procore_python_sdk) named in procore.md section 4.
/// </summary>
public sealed partial class FakeProcore : IAsyncDisposable
{
    public const string ClientId = "fake-procore-client";
    public const string ClientSecret = "fake-procore-secret";
    public const long CompanyId = 1357908642;
    public const string CompanyName = "Rivera Construction (fake Procore)";

    private readonly WebApplication _app;
    private long _nextId = 786000;

    private FakeProcore(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Lists by key ("projects", "work_order_contracts:{project}", "line_items:{contract}", ...).</summary>
    internal Dictionary<string, List<JsonObject>> Lists { get; } = new(StringComparer.Ordinal);

    internal object Lock { get; } = new();

    public static async Task<FakeProcore> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeProcore(app);
        fake.MapOAuth(app);
        fake.MapApi(app);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>Adds (or replaces, by id) a record in a list, stamping updated_at as Procore does on every change.</summary>
    public JsonObject Put(string key, JsonObject item, DateTimeOffset? updated = null)
    {
        item["updated_at"] = (updated ?? Clock.GetUtcNow()).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        lock (Lock)
        {
            var list = List(key);
            list.RemoveAll(i => (long?)i["id"] == (long?)item["id"]);
            list.Add(item);
            list.Sort((a, b) => ((long)a["id"]!).CompareTo((long)b["id"]!));
        }

        return item;
    }

    /// <summary>The stored record with this id in a list, to change it as someone would in Procore.</summary>
    public JsonObject Find(string key, long id)
    {
        lock (Lock)
        {
            return List(key).Single(i => (long?)i["id"] == id);
        }
    }

    /// <summary>Deletes a record from a list, as someone deleting it in Procore: lists stop showing it and its show answers 404.</summary>
    public void Remove(string key, long id)
    {
        lock (Lock)
        {
            Assert.Equal(1, List(key).RemoveAll(i => (long?)i["id"] == id));
        }
    }

    internal List<JsonObject> List(string key)
    {
        if (!Lists.TryGetValue(key, out var list))
        {
            Lists[key] = list = [];
        }

        return list;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
