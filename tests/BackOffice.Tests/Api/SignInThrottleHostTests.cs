using System.Net;
using BackOffice.Host.Auth;
using BackOffice.Store.Control;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19: the sign-in throttle over real sockets (Kestrel on 127.0.0.1, so the server sees a real peer address).
/// Its counts survive a restart (they are in the control database), and X-Forwarded-For is believed only from a
/// configured known proxy: from any other peer a spoofed header does not change which address is counted.
/// </summary>
public sealed class SignInThrottleHostTests : IAsyncLifetime
{
    private readonly TempDataDirectory _temp = new();
    private WebApplication? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task Restart_KeepsTheDelay()
    {
        // Both "processes" read one stopped clock, so the 1 s lock cannot run out while the host restarts.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var browser = await StartAsync(seed: true, clock: clock);
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccessTests.PostLoginAsync(browser, "dana", "wrong-password")).StatusCode);
        }

        await _app!.DisposeAsync();
        _app = null;
        var afterRestart = await StartAsync(seed: false, clock: clock);

        var refused = await AccessTests.PostLoginAsync(afterRestart, "dana", ConsoleFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task SpoofedForwardedFor_FromAnUnknownPeer_DoesNotChangeTheKey()
    {
        var browser = await StartAsync(seed: true);
        // A different user name each time, so only the address can lock; each attempt claims another client address.
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFromAsync(browser, $"nobody{i}", $"203.0.113.{i + 1}")).StatusCode);
        }

        var next = await LoginFromAsync(browser, "nobody9", "198.51.100.77");

        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAKnownProxy_KeysOnTheAddressTheProxyAppended()
    {
        var browser = await StartAsync(seed: true, new() { ["Proxy:KnownProxies:0"] = "127.0.0.1" });
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFromAsync(browser, $"nobody{i}", "203.0.113.7")).StatusCode);
        }

        var sameClient = await LoginFromAsync(browser, "nobody8", "203.0.113.7");
        var otherClient = await LoginFromAsync(browser, "nobody9", "203.0.113.8");
        // The client wrote the left entry itself; the proxy appended the real one on the right, which is what counts.
        var prefixed = await LoginFromAsync(browser, "nobody10", "203.0.113.8, 203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, sameClient.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, prefixed.StatusCode);
    }

    [Fact]
    public void ProxyOptions_NotACidrNetwork_StopsTheStart()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => ConsoleFactory.Build(_temp, "http://127.0.0.1:0", null,
            b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Proxy:KnownNetworks:0"] = "10.0.0.0/33" })));

        Assert.Contains("KnownNetworks", error.Message);
    }

    private async Task<HttpClient> StartAsync(bool seed, Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        _app = ConsoleFactory.Build(_temp, "http://127.0.0.1:0", null, b =>
        {
            b.Configuration.AddInMemoryCollection(settings ?? []);
            if (clock is not null)
            {
                b.Services.AddSingleton(clock);
            }
        });
        await _app.StartAsync();
        if (seed)
        {
            var ct = CancellationToken.None;
            await _app.Services.GetRequiredService<TenantRegistry>().CreateAsync("acme", "test", ct);
            await _app.Services.GetRequiredService<UserDirectory>().AddAsync("dana", "lead", "finance", "acme", "test", ct);
            await _app.Services.GetRequiredService<CredentialStore>().SetPasswordAsync("dana", ConsoleFactory.Password, "test", ct);
        }

        return new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(_app.Urls.First()),
        };
    }

    private static async Task<HttpResponseMessage> LoginFromAsync(HttpClient browser, string user, string forwardedFor)
    {
        browser.DefaultRequestHeaders.Remove("X-Forwarded-For");
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return await AccessTests.PostLoginAsync(browser, user, "wrong-password");
    }
}
