using System.Net;
using System.Text.Json.Nodes;
using BackOffice.Tests.Support;
using Dapper;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 17 over HTTP: the API's report endpoint takes the one job identifier (acme's job-1 is "2026-014 Smith
/// Residence - Kitchen", the ledger customer cust-2 "Smith, J:Kitchen Remodel"), and an unknown or ambiguous job,
/// state, agent or risk is a 400 naming it, in the API and in the console's lists, never an empty list.
/// </summary>
public sealed class ReportFiltersApiTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("2026-014")]
    [InlineData("job-1")]
    [InlineData("smith residence")]
    [InlineData("Smith, J:Kitchen Remodel")]
    [InlineData("cust-2")]
    public async Task LedgerBills_JobByAnyIdentifier_TheJobsBill(string job)
    {
        var client = await _factory.ApiAsync("dana");
        await TenantSeed.BillAsync(_factory.TenantPath("acme"), "b-9", "lv-1", "RP-1", 12_345);

        var rows = await RowsAsync(client, $"/api/tenants/acme/reports/ledger-bills?job={Uri.EscapeDataString(job)}");

        Assert.Equal("b-9", (string?)Assert.Single(rows)!["id"]);
    }

    [Fact]
    public async Task Report_AmbiguousJob_400NamingTheCandidates()
    {
        var client = await _factory.ApiAsync("dana");
        await using (var c = await _factory.TenantPath("acme").OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("INSERT INTO project_jobs (id, number, name, status, row_hash) VALUES ('job-2', '2026-015', 'Smithfield Barn', 'active', 'x')");
        }

        var response = await client.GetAsync("/api/tenants/acme/reports/documents?job=smith");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"];
        Assert.Equal("The job 'smith' is ambiguous: it could be 2026-014 Smith Residence - Kitchen; 2026-015 Smithfield Barn. Give more of its number or name.", detail);
    }

    [Theory]
    [InlineData("/api/tenants/acme/reports/aging?job=2026-999", "There is no job '2026-999'")]
    [InlineData("/api/tenants/acme/proposals?state=waiting", "There is no state 'waiting'. Known: approved,")]
    [InlineData("/api/tenants/acme/proposals?agent=finance", "There is no agent 'finance'. Known: collections, documents, financial,")]
    [InlineData("/api/tenants/acme/proposals?risk=huge", "There is no risk 'huge'. Known: Legal, Money, Routine")]
    [InlineData("/api/tenants/acme/findings?agent=finance", "There is no agent 'finance'.")]
    public async Task Api_UnknownFilter_400NamingIt(string url, string expected)
    {
        var client = await _factory.ApiAsync("dana");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(expected, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/tenants/acme/proposals?state=proposed&agent=financial&risk=money")]
    [InlineData("/api/tenants/acme/findings?agent=workforce")]
    public async Task Api_KnownFilter_200EvenWhenNothingMatches(string url)
    {
        var client = await _factory.ApiAsync("dana");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("/t/acme/findings?f_agent=finance", "There is no agent &#39;finance&#39;")]
    [InlineData("/t/acme/findings?f_severity=Dire", "There is no severity &#39;Dire&#39;")]
    [InlineData("/t/acme/reports/ledger-bills?job=2026-999", "There is no job &#39;2026-999&#39;")]
    public async Task Console_UnknownFilter_AnErrorNamingIt(string url, string expected)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, "dana", ConsoleFactory.Password)).StatusCode);

        var response = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonArray> RowsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rows"]!.AsArray();
    }
}
