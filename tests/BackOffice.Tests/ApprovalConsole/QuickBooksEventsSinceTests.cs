using System.Net;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Tests.Api;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17 (a leftover of issue 13): the QuickBooks webhook-events list takes `since` in the API and the console as
/// `report quickbooks-events --since` does: from midnight of that day in the tenant's zone (America/Los_Angeles by
/// default: Nov 20, 2026 is PST, UTC-8, so the day starts at 08:00Z and an event at 07:59Z is on Nov 19).
/// </summary>
public sealed class QuickBooksEventsSinceTests : IAsyncLifetime
{
    private const string Api = "/api/tenants/acme/reports/quickbooks-events";
    private readonly ConsoleFactory _factory = new();
    private HttpClient _dana = null!;

    public async Task InitializeAsync()
    {
        _dana = await _factory.ApiAsync("dana");
        var events = _factory.TenantPath("acme").QuickBooksWebhookEvents;
        foreach (var (id, at) in new[] { ("101", "2026-11-20T07:59:00.000Z"), ("102", "2026-11-20T08:00:00.000Z"), ("103", "2026-11-21T19:30:00.000Z") })
        {
            await events.RecordAsync(new QuickBooksWebhookEvent($"ev-{id}", "9130355", "Bill", id, "Update", null, at, "fetched", "read, changed"), CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("2026-11-19", new[] { "103", "102", "101" })]
    [InlineData("2026-11-20", new[] { "103", "102" })]
    [InlineData("2026-11-21", new[] { "103" })]
    [InlineData("2026-11-22", new string[0])]
    public async Task Api_Since_ListsFromMidnightInTheTenantsZoneNewestFirst(string since, string[] expected)
    {
        var answer = JsonNode.Parse(await _dana.GetStringAsync($"{Api}?since={since}"))!;

        Assert.Equal(expected, answer["rows"]!.AsArray().Select(r => (string)r!["entityId"]!));
        Assert.Contains($"since {since} 00:00 -08:00 (showing {expected.Length} of {expected.Length})", (string)answer["title"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_SinceThenNone_TheCachedTableOfOneIsNotTheOther()
    {
        var recent = JsonNode.Parse(await _dana.GetStringAsync($"{Api}?since=2026-11-21"))!;
        var all = JsonNode.Parse(await _dana.GetStringAsync(Api))!;

        Assert.Single(recent["rows"]!.AsArray());
        Assert.Equal(3, all["rows"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/t/acme/reports/quickbooks-events")]
    public async Task Since_NotADate_Is400NamingTheParameter(string console)
    {
        var response = await _dana.GetAsync((console.Length > 0 ? console : Api) + "?since=11/20/2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("since must be a date as yyyy-MM-dd, not", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_Since_ShowsThePickerTheEventsFromThatDayAndExportsTheSame()
    {
        var page = await _dana.GetStringAsync("/t/acme/reports/quickbooks-events?since=2026-11-20");
        var csv = await _dana.GetStringAsync("/t/acme/exports/quickbooks-events.csv?since=2026-11-20");

        Assert.Contains("<label>Since <input type=\"date\" name=\"since\" value=\"2026-11-20\"></label>", page, StringComparison.Ordinal);
        Assert.Contains("(showing 2 of 2)", page, StringComparison.Ordinal);
        Assert.Contains("quickbooks-events.csv?asOf=", page, StringComparison.Ordinal);
        Assert.Contains("since=2026-11-20", page[page.IndexOf("quickbooks-events.csv", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains(",101,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/t/acme/reports/quickbooks-events/ev-102?since=2026-11-20", HttpStatusCode.OK)]
    [InlineData("/t/acme/reports/quickbooks-events/ev-101?since=2026-11-20", HttpStatusCode.NotFound)]
    [InlineData("/t/acme/reports/quickbooks-events/ev-101?since=2026-11-19", HttpStatusCode.OK)]
    [InlineData("/t/acme/reports/quickbooks-events/ev-101", HttpStatusCode.OK)]
    [InlineData(Api + "/ev-102?since=2026-11-20", HttpStatusCode.OK)]
    [InlineData(Api + "/ev-101?since=2026-11-20", HttpStatusCode.NotFound)]
    [InlineData(Api + "/ev-101?since=2026-11-19", HttpStatusCode.OK)]
    [InlineData(Api + "/ev-101?since=11/20/2026", HttpStatusCode.BadRequest)]
    public async Task Row_Since_OnlyARowTheListShowsOnThatSince(string url, HttpStatusCode expected)
    {
        var response = await _dana.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Console_RowOnASince_ItsTitleSaysSoAndBackKeepsIt()
    {
        var list = await _dana.GetStringAsync("/t/acme/reports/quickbooks-events?since=2026-11-20");
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"(/t/acme/reports/quickbooks-events/ev-102\\?[^\"]*)\"").Groups[1].Value;

        var row = await _dana.GetStringAsync(WebUtility.HtmlDecode(link));

        Assert.Contains("since=2026-11-20", link, StringComparison.Ordinal);
        Assert.Contains("since 2026-11-20 00:00 -08:00 (showing 2 of 2)", row, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/t/acme/reports/quickbooks-events\\?asOf=[0-9-]+&amp;since=2026-11-20\">Back to ", row);
    }

    [Fact]
    public async Task Console_OtherReport_HasNoSincePicker()
    {
        var page = await _dana.GetStringAsync("/t/acme/reports/ledger-bills");

        Assert.DoesNotContain("name=\"since\"", page, StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        _dana.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }
}
