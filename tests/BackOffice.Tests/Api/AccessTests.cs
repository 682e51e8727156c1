using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;

namespace BackOffice.Tests.Api;

/// <summary>Who may do what over HTTP (issue 9): tenants separated, admins toggle, logins audited, forms need anti-forgery.</summary>
public sealed partial class AccessTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("bea", "/api/tenants/acme/proposals")]
    [InlineData("bea", "/api/tenants/acme/proposals/1")]
    [InlineData("bea", "/api/tenants/acme/reports/findings")]
    [InlineData("bea", "/api/tenants/acme/audit")]
    [InlineData("vic", "/api/tenants/beta/agents")]
    [InlineData("vic", "/api/tenants/nosuch/proposals")]
    public async Task Get_AnotherTenantsAnything_Is404(string user, string path)
    {
        var client = await _factory.ApiAsync(user);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Tenants_ListsOnlyTheCallersOwn()
    {
        var client = await _factory.ApiAsync("bea");

        var tenants = await client.GetFromJsonAsync<JsonArray>("/api/tenants");

        Assert.Equal(["beta"], tenants!.Select(t => (string)t!["id"]!));
    }

    [Theory]
    [InlineData("/api/tenants/acme/proposals")]
    [InlineData("/api/me")]
    public async Task Get_WithoutCredentials_Is401(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Browser().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Get_WithAnUnknownToken_Is401()
    {
        var client = _factory.Browser();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "bo_not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("dana", HttpStatusCode.Forbidden)]
    [InlineData("vic", HttpStatusCode.Forbidden)]
    [InlineData("sam", HttpStatusCode.OK)]
    public async Task MasterSwitch_OnlyAnAdminToggles(string user, HttpStatusCode expected)
    {
        var client = await _factory.ApiAsync(user);

        var response = await client.PutAsJsonAsync("/api/tenants/acme/switches/master", new { on = true });

        Assert.Equal(expected, response.StatusCode);
        var agents = await (await _factory.ApiAsync("sam")).GetFromJsonAsync<JsonObject>("/api/tenants/acme/agents");
        Assert.Equal(expected == HttpStatusCode.OK, (bool)agents!["master"]!);
    }

    [Fact]
    public async Task SwitchToggle_IsAuditedWithTheAdmin()
    {
        var client = await _factory.ApiAsync("sam");
        await client.PutAsJsonAsync("/api/tenants/acme/agents/financial/switches", new { writes = true, mode = "auto" });

        var events = await client.GetFromJsonAsync<JsonArray>("/api/tenants/acme/audit?kind=switch.toggled");

        Assert.Equal(["agent:financial:writes", "agent:financial:mode"], events!.Select(e => (string)e!["data"]!["switch"]!));
        Assert.All(events!, e => Assert.Equal("sam", (string)e!["actor"]!));
    }

    [Fact]
    public async Task ApiTokens_AreStoredOnlyAsSha256()
    {
        var client = await _factory.ApiAsync("dana");
        var issued = await (await client.PostAsJsonAsync("/api/tokens", new { label = "nightly" })).Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)issued!["token"]!;

        await using var control = await Databases.OpenControlAsync(Path.Combine(_factory.Root, "control.db"), CancellationToken.None);
        var stored = await Dapper.SqlMapper.QueryAsync<string>(control, "SELECT token_hash FROM api_tokens");

        Assert.DoesNotContain(token, stored);
        Assert.Contains(BackOffice.Store.Control.SecretTokens.HashOf(token), stored);
    }

    [Fact]
    public async Task Login_GoodAndBadPasswords_AreAuditedAndSetAStrictSecureCookie()
    {
        var browser = _factory.Browser();
        var bad = await PostLoginAsync(browser, "dana", "wrong-password");
        var good = await PostLoginAsync(browser, "dana", ConsoleFactory.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var cookie = good.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("backoffice.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        await using var control = await Databases.OpenControlAsync(Path.Combine(_factory.Root, "control.db"), CancellationToken.None);
        var kinds = (await AuditStore.ReadAllAsync(BackOffice.Store.Tenancy.DataUnit.Over(control, null), CancellationToken.None)).Where(e => e.Subject == "user:dana").Select(e => e.Kind).ToList();
        Assert.Equal(["auth.login-failed", "auth.login"], kinds.Where(k => k.StartsWith("auth.login", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task LoginForm_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await _factory.Browser().PostAsync("/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "dana", ["password"] = ConsoleFactory.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string user, string password)
    {
        var form = await browser.GetStringAsync("/login");
        var token = AntiforgeryField().Match(form);
        return await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value), ["username"] = user, ["password"] = password,
        }));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex AntiforgeryField();
}
