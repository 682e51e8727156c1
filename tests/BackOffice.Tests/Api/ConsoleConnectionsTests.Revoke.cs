using System.Net;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 13: the console's callback, like the command line, revokes the grant Intuit just issued when CompanyInfo
/// cannot be read, and says so; nothing is stored or audited as connected.
/// </summary>
public sealed partial class ConsoleConnectionsTests
{
    [Theory]
    [InlineData(false, "The grant Intuit had just issued was revoked; nothing was stored.")]
    [InlineData(true, "Revoking the grant Intuit had just issued failed too")]
    public async Task Callback_CompanyInfo500_RevokesTheGrantOnceAndStoresNothing(bool revokeFails, string expected)
    {
        _qbo.CompanyInfoFails = true;
        _qbo.FailRevoke = revokeFails;
        var sam = await SignedInAsync("sam");

        var response = await sam.GetAsync(await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("QuickBooks did not connect: the company's details (CompanyInfo) could not be read", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Contains(Assert.Single(_qbo.RevokeCalls), _qbo.IssuedRefreshTokens);
        Assert.Null(await Tenant.QuickBooks.CurrentAsync(_ct));
        Assert.DoesNotContain(await EventsAsync(), e => e.Kind == "connection.connected");
    }
}
