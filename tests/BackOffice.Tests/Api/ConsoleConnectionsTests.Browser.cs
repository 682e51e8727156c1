using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Store.Audit;

namespace BackOffice.Tests.Api;

/// <summary>The browser's side of <see cref="ConsoleConnectionsTests"/>: pressing buttons, following the provider's redirect, reading rows.</summary>
public sealed partial class ConsoleConnectionsTests
{
    /// <summary>Presses a connection button on the admin page; returns where the console sends the browser.</summary>
    private static async Task<Uri> PressAsync(HttpClient browser, string source, string verb)
    {
        var page = await browser.GetStringAsync("/t/acme/admin");
        var action = $"/t/acme/admin/connections/{source}/{verb}";
        var token = FormToken().Match(page[page.IndexOf(action, StringComparison.Ordinal)..]);
        var response = await browser.PostAsync(action, Form(token, []));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>What the browser does at the fake's authorize page: it consents and redirects to the callback (path and query).</summary>
    private static async Task<string> ProviderRedirectAsync(Uri authorize)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(authorize);
        var back = response.Headers.Location!;
        Assert.StartsWith(BaseUrl + "/console/connections/", back.ToString());
        return back.PathAndQuery;
    }

    private static FormUrlEncodedContent Form(Match token, Dictionary<string, string> fields)
    {
        fields[token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value);
        return new FormUrlEncodedContent(fields);
    }

    private static string Row(string page, string source)
    {
        var start = page.IndexOf($"id=\"connection-{source}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the admin page has a {source} row");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password)).StatusCode);
        return browser;
    }

    private async Task<IReadOnlyList<AuditEvent>> EventsAsync()
    {
        await using var unit = await Tenant.ReadAsync(_ct);
        return await AuditStore.ReadAllAsync(unit, _ct);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex FormToken();
}
