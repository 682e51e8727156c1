using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.QuickBooks;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 13: the dashboard's ask box, and an answer from it, carry the same partial-sync notice as the report pages
/// when the tenant's books are partly synced from QuickBooks, and none when they are whole.
/// </summary>
public sealed partial class AskBoxPartialSyncTests : IAsyncLifetime
{
    private const string Notice = "<p class=\"notice\" id=\"partial-sync\">The books are partially synced from QuickBooks (sync incomplete: bills through page 2";
    private ConsoleFactory _factory = null!;
    private HttpClient _sam = null!;

    public async Task InitializeAsync()
    {
        _factory = new ConsoleFactory();
        _sam = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(_sam, "sam", ConsoleFactory.Password)).StatusCode);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Dashboard_BooksWhole_NoNotice()
    {
        Assert.DoesNotContain("id=\"partial-sync\"", await _sam.GetStringAsync("/t/acme/dashboard"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskBox_BooksPartlySynced_NoticeAboveTheBoxAndAboveTheAnswer()
    {
        await PartialSyncTimeZoneTests.MarkStoppedAfterTwoBillPagesAsync(_factory.Get<TenantDataSource>().For("acme"));

        var dashboard = WebUtility.HtmlDecode(await _sam.GetStringAsync("/t/acme/dashboard"));
        var token = FormToken().Match(await _sam.GetStringAsync("/t/acme/dashboard"));
        var asked = await _sam.PostAsync("/t/acme/ask", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value), ["question"] = "who owes us the most?",
        }));
        var answer = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());

        Assert.True(dashboard.IndexOf(Notice, StringComparison.Ordinal) is var at && at >= 0 && at < dashboard.IndexOf("id=\"ask-question\"", StringComparison.Ordinal), dashboard);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var notice = answer.IndexOf(Notice, StringComparison.Ordinal);
        Assert.True(notice >= 0 && notice < answer.IndexOf("id=\"ask-answer\"", StringComparison.Ordinal), answer);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex FormToken();
}
