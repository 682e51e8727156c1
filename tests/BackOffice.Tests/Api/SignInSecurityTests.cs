using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.Host.Api;
using BackOffice.Host.Auth;
using BackOffice.Store.Control;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19, sign-in like a bank's, over HTTP against the real host: throttled failures, sessions that end on sign-out
/// and password change, revocable API tokens, anti-forgery on cookie-authenticated API changes, security headers.
/// </summary>
public sealed partial class SignInSecurityTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Login_AfterFreeFailures_429WithRetryAfterEvenForTheRightPassword()
    {
        var browser = _factory.Browser();
        for (var i = 0; i < SignInThrottle.FreeFailures + 1; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccessTests.PostLoginAsync(browser, "dana", "wrong-password")).StatusCode);
        }

        var refused = await AccessTests.PostLoginAsync(browser, "dana", ConsoleFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(13, 512)]
    [InlineData(14, 900)]
    [InlineData(400, 900)]
    public void DelayAfter_Failures_FreeThenDoublingCappedAtFifteenMinutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.DelayAfter(failures));
    }

    [Fact]
    public async Task Throttle_OnAFakeClock_LocksGrowsExpiresAndKeepsTheAddressCount()
    {
        using var temp = new BackOffice.Tests.Support.TempDataDirectory();
        var clock = new FakeTimeProvider();
        var throttle = new SignInThrottle(new SignInThrottleStore(temp.Source(clock)), clock);
        for (var i = 0; i < 4; i++)
        {
            await throttle.FailedAsync("dana", "10.0.0.1", _ct);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), await throttle.WaitForAsync("DANA", "10.0.0.9", _ct));
        Assert.Equal(TimeSpan.FromSeconds(1), await throttle.WaitForAsync("alex", "10.0.0.1", _ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, await throttle.WaitForAsync("dana", "10.0.0.1", _ct));
        await throttle.FailedAsync("dana", "10.0.0.1", _ct);
        Assert.Equal(TimeSpan.FromSeconds(2), await throttle.WaitForAsync("dana", "10.0.0.1", _ct));

        await throttle.SucceededAsync("dana", _ct);

        Assert.Equal(TimeSpan.Zero, await throttle.WaitForAsync("dana", "10.0.0.2", _ct));
        Assert.Equal(TimeSpan.FromSeconds(2), await throttle.WaitForAsync("dana", "10.0.0.1", _ct));
        // A day without failures forgets a key (pruned by the next failure of any key).
        clock.Advance(SignInThrottleStore.Forget + TimeSpan.FromSeconds(1));
        await throttle.FailedAsync("other", "10.0.0.7", _ct);
        await throttle.FailedAsync("dana", "10.0.0.1", _ct);
        Assert.Equal(TimeSpan.Zero, await throttle.WaitForAsync("dana", "10.0.0.1", _ct));
    }

    // Sign-out over HTTP (the header form with its anti-forgery token, issue 19) is in ConsoleSignOutAndLimitTests.

    [Fact]
    public async Task PasswordChange_AnEarlierSession_IsRefused()
    {
        var copy = WithCookie(await SignInAsync(_factory.Browser(), "dana"));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me")).StatusCode);

        await _factory.Get<CredentialStore>().SetPasswordAsync("dana", "a-new-password", "dana", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task RevokeToken_TheTokenIsRefusedAndTheRevocationAudited()
    {
        var api = await _factory.ApiAsync("dana");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me")).StatusCode);
        var credentials = _factory.Get<CredentialStore>();
        var id = (await credentials.ListTokensAsync(_ct)).Single(t => t.User == "dana" && t.RevokedAt is null).Id;

        await credentials.RevokeTokenAsync(id, "sam", _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me")).StatusCode);
        Assert.NotNull((await credentials.ListTokensAsync(_ct)).Single(t => t.Id == id).RevokedAt);
        await Assert.ThrowsAsync<ArgumentException>(() => credentials.RevokeTokenAsync(id, "sam", _ct));
        var report = await _factory.Get<AuditChains>().VerifyControlAsync(_ct);
        Assert.True(report.Intact);
    }

    [Fact]
    public async Task ApiChange_WithTheCookieOnly_403UntilTheAntiforgeryHeaderIsSent()
    {
        var browser = _factory.Browser();
        await SignInAsync(browser, "dana");

        var bare = await browser.PostAsJsonAsync("/api/tokens", new { label = "script" });
        var af = await browser.GetFromJsonAsync<JsonObject>("/api/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens") { Content = JsonContent.Create(new { label = "script" }) };
        request.Headers.Add((string)af!["headerName"]!, (string)af["token"]!);
        var withToken = await browser.SendAsync(request);
        var bearer = await (await _factory.ApiAsync("dana")).PostAsJsonAsync("/api/tokens", new { label = "script" });

        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Contains("anti-forgery", await bare.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeadersAndACspThatAllowsOnlyTheConsoleStyle()
    {
        var response = await _factory.Browser().GetAsync("/login");
        var page = await response.Content.ReadAsStringAsync();
        var style = StyleBlock().Match(page).Groups[1].Value;
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("<script", page);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, (await _factory.Browser().GetAsync("/api/me")).Headers.GetValues("Content-Security-Policy").Single());
    }

    /// <summary>Signs <paramref name="user"/> in on <paramref name="browser"/>; returns the session cookie as sent back.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string user)
    {
        var response = await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("backoffice.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>Another client that sends only the copied cookie, as a thief's browser would.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
