using System.Net;
using System.Text.RegularExpressions;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 17: saved filters on the worklists, over HTTP against the real host. A person saves the filter a list shows
/// under a name (POST with the anti-forgery token), applies it from the list, may have the list open with it, and
/// deletes it; filters are per person; a list opened with "Clear" (?all=1) is unfiltered.
/// </summary>
public sealed partial class SavedFiltersPageTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Save_TheListShowsItAndItsLinkAppliesTheFilter()
    {
        var dana = await SignedInAsync("dana");

        var saved = await PostAsync(dana, "/t/acme/inbox?f_state=proposed&sort=title&page=2", "/t/acme/filters/save",
            new() { ["list"] = "inbox", ["name"] = " Open money ", ["query"] = "f_risk=Money&f_state=proposed&sort=title" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/t/acme/inbox?f_risk=Money&f_state=proposed&sort=title&msg=", saved.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await dana.GetStringAsync("/t/acme/inbox?all=1");
        Assert.Contains("<a href=\"/t/acme/inbox?f_risk=Money&amp;f_state=proposed&amp;sort=title\">Open money</a>", page, StringComparison.Ordinal);
        var stored = Assert.Single(await _factory.TenantPath("acme").SavedFilters.ListAsync("dana", "inbox", CancellationToken.None));
        Assert.Equal(("Open money", false), (stored.Name, stored.IsDefault));
    }

    [Fact]
    public async Task Save_TheFormCarriesTheListsCurrentFilterWithoutThePage()
    {
        var dana = await SignedInAsync("dana");

        var page = await dana.GetStringAsync("/t/acme/findings?sort=title&f_agent=financial&page=3&msg=hello");

        Assert.Contains("name=\"query\" value=\"f_agent=financial&amp;sort=title\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_BareListRedirectsToIt_ClearShowsAll_OtherPeopleUnaffected()
    {
        var dana = await SignedInAsync("dana");
        await PostAsync(dana, "/t/acme/findings", "/t/acme/filters/save",
            new() { ["list"] = "findings", ["name"] = "Mine", ["query"] = "f_agent=financial", ["default"] = "on" });

        var bare = await dana.GetAsync("/t/acme/findings");
        var cleared = await dana.GetAsync("/t/acme/findings?all=1");
        var alex = await (await SignedInAsync("alex")).GetAsync("/t/acme/findings");

        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/t/acme/findings?f_agent=financial", bare.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Contains("(opens the list)", await cleared.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alex.StatusCode);
        Assert.DoesNotContain(">Mine</a>", await alex.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_ReportOpensOnItsSavedDateAndJob_StopOpeningWithItThenBare()
    {
        var dana = await SignedInAsync("dana");
        await PostAsync(dana, "/t/acme/reports/ledger-bills", "/t/acme/filters/save",
            new() { ["list"] = "reports/ledger-bills", ["name"] = "Smith", ["query"] = "asOf=2026-11-20&job=2026-014", ["default"] = "on" });
        Assert.Equal("/t/acme/reports/ledger-bills?asOf=2026-11-20&job=2026-014", (await dana.GetAsync("/t/acme/reports/ledger-bills")).Headers.Location!.ToString());

        var stop = await PostAsync(dana, "/t/acme/reports/ledger-bills?all=1", "/t/acme/filters/default", new() { ["list"] = "reports/ledger-bills", ["name"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dana.GetAsync("/t/acme/reports/ledger-bills")).StatusCode);
        Assert.False(Assert.Single(await _factory.TenantPath("acme").SavedFilters.ListAsync("dana", "reports/ledger-bills", CancellationToken.None)).IsDefault);
    }

    [Fact]
    public async Task Delete_RemovesIt()
    {
        var dana = await SignedInAsync("dana");
        await PostAsync(dana, "/t/acme/audit", "/t/acme/filters/save", new() { ["list"] = "audit", ["name"] = "Sign-ins", ["query"] = "q=sign" });

        var deleted = await PostAsync(dana, "/t/acme/audit?all=1", "/t/acme/filters/delete", new() { ["list"] = "audit", ["name"] = "Sign-ins" });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Deleted the filter &#39;Sign-ins&#39;.", await dana.GetStringAsync(deleted.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Empty(await _factory.TenantPath("acme").SavedFilters.ListAsync("dana", "audit", CancellationToken.None));
    }

    [Theory]
    [InlineData("admin", "Mine", "&#39;admin&#39; is not a list that keeps saved filters.")]
    [InlineData("reports/../admin", "Mine", "is not a list that keeps saved filters.")]
    [InlineData("inbox", "  ", "A saved filter needs a name of 1 to 60 characters.")]
    public async Task Save_BadListOrName_400NamingItAndNothingStored(string list, string name, string expected)
    {
        var dana = await SignedInAsync("dana");

        var response = await PostAsync(dana, "/t/acme/inbox", "/t/acme/filters/save", new() { ["list"] = list, ["name"] = name, ["query"] = "q=x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _factory.TenantPath("acme").SavedFilters.ListAsync("dana", "inbox", CancellationToken.None));
    }

    [Fact]
    public async Task Save_WithoutTheAntiForgeryToken_RefusedAndNothingStored()
    {
        var dana = await SignedInAsync("dana");

        var response = await dana.PostAsync("/t/acme/filters/save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["list"] = "inbox", ["name"] = "Forged", ["query"] = "q=x", ["default"] = "on",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _factory.TenantPath("acme").SavedFilters.ListAsync("dana", "inbox", CancellationToken.None));
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password)).StatusCode);
        return browser;
    }

    /// <summary>Posts a form the way the page does: with the anti-forgery field of a page the person has open.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var token = FormToken().Match(await browser.GetStringAsync(pageUrl));
        Assert.True(token.Success, $"{pageUrl} has a form with an anti-forgery field");
        fields[token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex FormToken();
}
