using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BackOffice.Store.Connectors;
using BackOffice.Store.Connectors.Procore;
using BackOffice.Tests.Support.Procore;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 14: "Connect Procore service account" on the admin page, over HTTP against the fake Procore's client_credentials
/// grant (Procore's Developer Managed Service Accounts, oauth_client_credentials.md) and its company listing.
/// </summary>
public sealed partial class ConsoleConnectionsTests
{
    private static readonly string CompanyId = FakeProcore.CompanyId.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task ServiceAccount_AdminPressesAndTheAccountSeesOneCompany_ConnectedEncryptedAudited()
    {
        var sam = await SignedInAsync("sam");

        var done = await PressAsync(sam, "procore", "service-account");

        Assert.Contains($"Connected Procore company {FakeProcore.CompanyName} ({CompanyId}) with the service account.", Uri.UnescapeDataString(done.ToString()));
        var stored = await Tenant.Procore.CurrentAsync(_ct);
        Assert.Equal((CompanyId, ProcoreOAuth.ClientCredentials, "sam", (string?)null), (stored!.CompanyId, stored.GrantType, stored.ConnectedBy, stored.RefreshToken));
        Assert.NotEqual(_factory.Get<ITokenProtector>().Unprotect(stored.AccessToken), stored.AccessToken);
        var audited = Assert.Single(await EventsAsync(), e => e.Kind == "connection.connected");
        Assert.Equal(("sam", "connection:procore"), (audited.Actor, audited.Subject));
        Assert.Contains(FakeProcore.CompanyName, Row(WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/admin")), "procore"));
    }

    [Fact]
    public async Task ServiceAccount_AccountSeesSeveralCompanies_OffersThemAndConnectsTheOneChosen()
    {
        lock (_procore.Lock)
        {
            _procore.List("companies").Add(new JsonObject { ["id"] = 2468013579L, ["name"] = "Other Co", ["is_active"] = true });
        }

        var sam = await SignedInAsync("sam");
        var page = await sam.GetStringAsync("/t/acme/admin");
        var action = "/t/acme" + ConsoleServiceAccountPath;
        var chooser = await sam.PostAsync(action, Form(FormToken().Match(page[page.IndexOf(action, StringComparison.Ordinal)..]), []));
        var offered = WebUtility.HtmlDecode(await chooser.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, chooser.StatusCode);
        Assert.Contains($"{FakeProcore.CompanyName} ({CompanyId})", offered);
        Assert.Contains("Other Co (2468013579)", offered);
        Assert.Null(await Tenant.Procore.CurrentAsync(_ct));

        var chosen = await sam.PostAsync(action, Form(FormToken().Match(offered), new() { ["company"] = CompanyId }));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(CompanyId, (await Tenant.Procore.CurrentAsync(_ct))!.CompanyId);
    }

    [Fact]
    public async Task ServiceAccount_NonAdminOrNoAntiForgeryToken_RefusedAndNothingStored()
    {
        var dana = await SignedInAsync("dana");
        var token = FormToken().Match(await dana.GetStringAsync("/t/acme/inbox"));
        var sam = await SignedInAsync("sam");

        var refused = await dana.PostAsync("/t/acme" + ConsoleServiceAccountPath, Form(token, new() { ["company"] = CompanyId }));
        var forged = await sam.PostAsync("/t/acme" + ConsoleServiceAccountPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["company"] = CompanyId }));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.BadRequest), (refused.StatusCode, forged.StatusCode));
        Assert.Null(await Tenant.Procore.CurrentAsync(_ct));
    }

    private const string ConsoleServiceAccountPath = BackOffice.Host.ApprovalConsole.ConnectionsServiceAccount.Path;
}
