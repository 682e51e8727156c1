using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Kernel.Gate;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 19 in the console, over HTTP against the real host: sign-out is only the console's POST form with its
/// anti-forgery token (no GET, no bare POST), and Approve is not offered above the person's amount limit, with the
/// reason shown, while the gate still refuses a hand-made approve.
/// </summary>
public sealed partial class ConsoleSignOutAndLimitTests : IDisposable
{
    // The acme proposal is the draft bill RP-007 for $16,560.00 (ConsoleFactory); a finance lead may approve $10,000.
    private readonly ConsoleFactory _factory = new(settings: new Dictionary<string, string?> { ["Gate:AmountLimits:finance:lead"] = "10000" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SignOut_Get_IsNotASignOut()
    {
        var (browser, copy) = await SignedInAsync("dana");

        var response = await browser.GetAsync("/logout");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_PostWithoutTheFormToken_400AndTheSessionLives()
    {
        var (browser, copy) = await SignedInAsync("dana");

        var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery token", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_TheHeaderFormWithItsToken_EndsEverySession()
    {
        var (browser, copy) = await SignedInAsync("dana");
        var page = await browser.GetStringAsync("/t/acme/inbox");
        var form = SignOutForm().Match(page);
        Assert.True(form.Success, "the page header has a sign-out form with an anti-forgery field");

        var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [form.Groups[1].Value] = WebUtility.HtmlDecode(form.Groups[2].Value),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("10000", false)]
    [InlineData("16559.99", false)]
    [InlineData("16560", true)]
    [InlineData(null, true)]
    public async Task ProposalPage_LeadLimit_ApproveOfferedOnlyUpToTheLimitElseTheReasonShown(string? limit, bool offered)
    {
        using var factory = new ConsoleFactory(settings: limit is null ? null : new Dictionary<string, string?> { ["Gate:AmountLimits:finance:lead"] = limit });
        var browser = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, "dana", ConsoleFactory.Password)).StatusCode);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/t/acme/proposals/1"));

        Assert.Equal(offered, page.Contains("value=\"approve\"", StringComparison.Ordinal));
        Assert.Equal(!offered, page.Contains(
            $"$16,560.00 is above the lead limit of ${decimal.Parse(limit ?? "0", System.Globalization.CultureInfo.InvariantCulture):N2} in finance; dana may not approve it",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApprovePost_AboveTheLimit_TheGateStillRefuses()
    {
        var (dana, _) = await SignedInAsync("dana");
        var page = await dana.GetStringAsync("/t/acme/proposals/1");
        var token = FormToken().Match(page);

        var response = await dana.PostAsync("/t/acme/proposals/1/approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value), ["go"] = "approve",
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("above the lead limit", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var row = await _factory.Get<ProposalGate>().GetAsync(_factory.TenantPath("acme"), 1, CancellationToken.None);
        Assert.Equal(ProposalStates.Proposed, row.State);
    }

    /// <summary>A signed-in browser and a second client holding only a copy of its session cookie.</summary>
    private async Task<(HttpClient Browser, HttpClient Copy)> SignedInAsync(string user)
    {
        var browser = _factory.Browser();
        var response = await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("backoffice.session=", StringComparison.Ordinal)).Split(';')[0];
        var copy = _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return (browser, copy);
    }

    [GeneratedRegex("<form method=\"post\" action=\"/logout\" class=\"logout\"><input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex SignOutForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex FormToken();
}
