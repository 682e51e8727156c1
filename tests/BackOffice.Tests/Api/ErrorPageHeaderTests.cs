using System.Net;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 17: an error page inside a tenant the person may see (a 404 proposal, a 400 unknown job, a 403 refusal) has
/// the same header as every other page: the name with the role, and the Admin and Import menus the role allows. It had
/// lost them ("sam" instead of "sam (admin)", no Admin or Import).
/// </summary>
public sealed class ErrorPageHeaderTests : IDisposable
{
    private readonly ConsoleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("sam", "/t/acme/proposals/999999", HttpStatusCode.NotFound, "sam (admin)", true, true)]
    [InlineData("sam", "/t/acme/reports/wip?job=no-such-job", HttpStatusCode.BadRequest, "sam (admin)", true, true)]
    [InlineData("dana", "/t/acme/proposals/999999", HttpStatusCode.NotFound, "dana (lead)", false, true)]
    [InlineData("alex", "/t/acme/admin/tokens", HttpStatusCode.Forbidden, "alex (approver)", false, false)]
    public async Task ErrorPage_InAVisibleTenant_KeepsRoleAndMenus(string user, string path, HttpStatusCode status, string who, bool admin, bool import)
    {
        var browser = await SignedInAsync(user);

        var response = await browser.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains($"<span class=\"who\">{who}</span>", page);
        Assert.Contains("<a href=\"/t/acme/inbox\">Inbox</a>", page);
        Assert.Equal(admin, page.Contains("<a href=\"/t/acme/admin\">Admin</a>", StringComparison.Ordinal));
        Assert.Equal(import, page.Contains("<a href=\"/t/acme/import\">Import</a>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErrorPage_TenantNotVisible_ShowsNoMenuOfThatTenant()
    {
        var bea = await SignedInAsync("bea");

        var response = await bea.GetAsync("/t/acme/inbox");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/t/acme/", page);
        Assert.Contains("<span class=\"who\">bea</span>", page);
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = _factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(browser, user, ConsoleFactory.Password)).StatusCode);
        return browser;
    }
}
