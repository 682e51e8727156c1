using System.Net;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: "a 200-job tenant's ledger-bills page is 23.7 MB of HTML and never finished loading". Paged in SQL, a
/// page of a generated 200-job tenant (10 ledger lines a job, to keep the suite fast; a page holds 50 bills however
/// many there are) stays under 500 KB, first page and a deep one alike.
/// </summary>
public sealed class LedgerBillsScaleTests : IDisposable
{
    private const int MaxPageBytes = 500 * 1024;

    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("&sort=total&dir=desc")]
    [InlineData("&sort=vendor&q=a")]
    public async Task Page_TwoHundredJobTenant_UnderFiveHundredKilobytes(string query)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, "bea", ConsoleFactory.Password)).StatusCode);
        var bundle = BundleGenerator.Write(Path.Combine(_factory.Root, "bundle-200"), new GeneratorOptions(200, 1, 10));
        await new BundleImporter(new ManualClock()).ImportAsync(bundle.Directory, _factory.TenantPath("beta"), "test", null, CancellationToken.None);

        var first = await browser.GetByteArrayAsync($"/t/beta/reports/ledger-bills?asOf=2026-11-20{query}");
        var next = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(first), "<a href=\"([^\"]+)\" rel=\"next\">Next</a>");
        var second = await browser.GetByteArrayAsync(WebUtility.HtmlDecode(next.Groups[1].Value));

        Assert.True(next.Success, "the first page links the next");
        Assert.InRange(first.Length, 1, MaxPageBytes);
        Assert.InRange(second.Length, 1, MaxPageBytes);
    }
}
