using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using BackOffice.Store.Audit;
using BackOffice.Store.Control;
using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19's console part, over HTTP against the real host: an admin sees the API tokens (never the token itself) and
/// revokes one with the page's form, after which the token gets 401 and the revocation is the same control-chain event
/// as `tokens revoke`; anyone else gets 403; a POST without the anti-forgery token is refused.
/// </summary>
public sealed partial class ConsoleTokensPageTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Admin_SeesTheTokensAndRevokesOne_TheTokenThen401AndTheRevocationAudited()
    {
        var issued = await _factory.Get<CredentialStore>().IssueTokenAsync("dana", "nightly script", "dana", 30, _ct);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(issued.Token).GetAsync("/api/me")).StatusCode);
        var sam = await SignedInAsync("sam");

        Assert.Contains("/admin/tokens", await sam.GetStringAsync("/t/acme/admin"));
        var page = await sam.GetStringAsync("/t/acme/admin/tokens");
        Assert.Contains($"id=\"token-{issued.Id}\"", page);
        Assert.Contains("nightly script", page);
        Assert.DoesNotContain(issued.Token, page);
        var form = RevokeForm().Match(page);
        Assert.True(form.Success, "an active token has a Revoke form with an anti-forgery field");
        Assert.Equal(issued.Id, form.Groups[3].Value);

        var response = await sam.PostAsync("/t/acme/admin/tokens/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [form.Groups[1].Value] = WebUtility.HtmlDecode(form.Groups[2].Value), ["id"] = issued.Id,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = WebUtility.HtmlDecode(await sam.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains($"Revoked token {issued.Id} (dana, nightly script).", after);
        Assert.DoesNotContain($"name=\"id\" value=\"{issued.Id}\"", after);
        var refused = await Bearer(issued.Token).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("was revoked at", await refused.Content.ReadAsStringAsync());
        var revoked = Assert.Single(await ControlEventsAsync(), e => e.Kind == "auth.token-revoked");
        Assert.Equal("sam", revoked.Actor);
        Assert.Equal("user:dana", revoked.Subject);
        Assert.Contains(issued.Id, revoked.DataJson);
    }

    [Theory]
    [InlineData("dana")]
    [InlineData("vic")]
    public async Task NonAdmin_403OnThePageAndTheRevoke_TheTokenLives(string user)
    {
        var issued = await _factory.Get<CredentialStore>().IssueTokenAsync("dana", "script", "dana", null, _ct);
        var browser = await SignedInAsync(user);

        var page = await browser.GetAsync("/t/acme/admin/tokens");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(issued.Id, await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/admin/tokens", await browser.GetStringAsync("/t/acme/admin"));
        var token = FormToken().Match(await browser.GetStringAsync("/t/acme/inbox"));
        var post = await browser.PostAsync("/t/acme/admin/tokens/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value), ["id"] = issued.Id,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(issued.Token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task RevokePost_WithoutTheAntiForgeryToken_RefusedAndTheTokenLives()
    {
        var issued = await _factory.Get<CredentialStore>().IssueTokenAsync("dana", "script", "dana", null, _ct);
        var sam = await SignedInAsync("sam");

        var response = await sam.PostAsync("/t/acme/admin/tokens/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = issued.Id }));

        // The id is valid and sam is an admin: only the missing anti-forgery field refuses this (ASP.NET Core's 400).

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(issued.Token).GetAsync("/api/me")).StatusCode);
        Assert.DoesNotContain(await ControlEventsAsync(), e => e.Kind == "auth.token-revoked");
    }

    [Fact]
    public async Task TenantAdmin_DoesNotSeeOrRevokeAnotherTenantsUsersTokens()
    {
        var bea = await _factory.Get<CredentialStore>().IssueTokenAsync("bea", "beta script", "bea", null, _ct);
        var sam = await SignedInAsync("sam");

        Assert.DoesNotContain(bea.Id, await sam.GetStringAsync("/t/acme/admin/tokens"));
        var token = FormToken().Match(await sam.GetStringAsync("/t/acme/admin/tokens"));
        var post = await sam.PostAsync("/t/acme/admin/tokens/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value), ["id"] = bea.Id,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(bea.Token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Admin_NoTokenIssuedYet_ThePageOpens()
    {
        var sam = await SignedInAsync("sam");

        var page = await sam.GetAsync("/t/acme/admin/tokens");

        // Issue 17: a fresh install has no token; the list's query then failed to map and the page answered 500.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password)).StatusCode);
        return browser;
    }

    private HttpClient Bearer(string token)
    {
        var client = _factory.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<IReadOnlyList<AuditEvent>> ControlEventsAsync()
    {
        await using var unit = await _factory.Get<TenantDataSource>().ReadControlAsync(_ct);
        return await AuditStore.ReadAllAsync(unit, _ct);
    }

    [GeneratedRegex("action=\"/t/acme/admin/tokens/revoke\"><input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"id\" value=\"([0-9a-f]{12})\">")]
    private static partial Regex RevokeForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex FormToken();
}
