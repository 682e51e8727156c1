using System.Net;
using System.Web;
using BackOffice.Store.Connectors.QuickBooks;
using BackOffice.Store.Control;
using BackOffice.Tests.Support.Procore;
using BackOffice.Tests.Support.QuickBooks;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issues 13 and 14 in the console, over HTTP against the real host and the loopback fakes: an admin presses Connect,
/// the browser goes to the fake's authorize page with the console's configured callback as redirect URI, the fake
/// redirects back with code and state, and the console stores the connection (encrypted, audited) and shows it. A forged,
/// replayed, expired or another user's state stores nothing; anyone but an admin is refused.
/// </summary>
public sealed partial class ConsoleConnectionsTests : IAsyncLifetime
{
    private const string BaseUrl = "https://backoffice.example.com";
    private readonly CancellationToken _ct = CancellationToken.None;
    private FakeQuickBooks _qbo = null!;
    private FakeProcore _procore = null!;
    private ConsoleFactory _factory = null!;

    private BackOffice.Store.Tenancy.TenantData Tenant => _factory.Get<BackOffice.Store.Tenancy.TenantDataSource>().For("acme");

    public async Task InitializeAsync()
    {
        _qbo = await FakeQuickBooks.StartAsync();
        _procore = await FakeProcore.StartAsync();
        _procore.SeedCompany();
        var settings = ProcoreHarness.Settings(_procore);
        foreach (var (name, value) in _qbo.ProductSettings())
        {
            settings["QuickBooks:" + name] = value;
        }

        settings["Console:BaseUrl"] = BaseUrl;
        _factory = new ConsoleFactory(settings: settings);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _qbo.DisposeAsync();
        await _procore.DisposeAsync();
    }

    [Fact]
    public async Task ConnectQuickBooks_AdminFollowsTheFlow_ConnectionStoredEncryptedAuditedAndShown()
    {
        var sam = await SignedInAsync("sam");

        var authorize = await PressAsync(sam, "quickbooks", "connect");
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.StartsWith(_qbo.BaseUrl + _qbo.AuthorizePath, authorize.ToString());
        Assert.Equal($"{BaseUrl}/console/connections/quickbooks/callback", query["redirect_uri"]);
        var done = await sam.GetAsync(await ProviderRedirectAsync(authorize));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var admin = WebUtility.HtmlDecode(await sam.GetStringAsync(done.Headers.Location!.ToString()));
        Assert.Contains($"Connected QuickBooks company {FakeQuickBooks.CompanyName} ({_qbo.Realm}).", admin);
        var row = Row(admin, "quickbooks");
        Assert.Contains(FakeQuickBooks.CompanyName, row);
        Assert.Contains(_qbo.Realm, row);
        Assert.Contains("<td>sam</td>", row);
        Assert.Contains("connected", row);
        Assert.DoesNotContain(FakeQuickBooks.ClientSecret, admin);
        var stored = await Tenant.QuickBooks.CurrentAsync(_ct);
        Assert.Equal(("sam", QuickBooksConnection.Connected), (stored!.ConnectedBy, stored.Status));
        Assert.DoesNotContain("eyJ", stored.AccessToken);
        var audited = Assert.Single(await EventsAsync(), e => e.Kind == "connection.connected");
        Assert.Equal(("sam", "connection:quickbooks"), (audited.Actor, audited.Subject));
    }

    [Fact]
    public async Task ConnectProcore_AdminFollowsTheFlow_CompanyStoredAndShown()
    {
        var sam = await SignedInAsync("sam");

        var authorize = await PressAsync(sam, "procore", "connect");
        Assert.Equal($"{BaseUrl}/console/connections/procore/callback", HttpUtility.ParseQueryString(authorize.Query)["redirect_uri"]);
        var done = await sam.GetAsync(await ProviderRedirectAsync(authorize));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var row = Row(WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/admin")), "procore");
        Assert.Contains(FakeProcore.CompanyName, row);
        Assert.Contains(FakeProcore.CompanyId.ToString(System.Globalization.CultureInfo.InvariantCulture), row);
        Assert.Equal("sam", (await Tenant.Procore.CurrentAsync(_ct))!.ConnectedBy);
        Assert.Single(await EventsAsync(), e => e.Kind == "connection.connected" && e.Subject == "connection:procore");
    }

    [Fact]
    public async Task Callback_StateReplayed_PlainErrorAndNothingStoredTwice()
    {
        var sam = await SignedInAsync("sam");
        var callback = await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect"));
        Assert.Equal(HttpStatusCode.Redirect, (await sam.GetAsync(callback)).StatusCode);

        var replay = await sam.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("unknown or was already used: nothing was stored", await replay.Content.ReadAsStringAsync());
        Assert.Single(await EventsAsync(), e => e.Kind == "connection.connected");
    }

    [Theory]
    [InlineData("forged-state", "unknown or was already used")]
    [InlineData("", "unknown or was already used")]
    [InlineData("expired", "expired")]
    [InlineData("procore-state", "started for Procore, not quickbooks")]
    public async Task Callback_BadState_PlainErrorAndNothingStored(string state, string expected)
    {
        var sam = await SignedInAsync("sam");
        var states = _factory.Get<OAuthStateStore>();
        var now = DateTimeOffset.UtcNow;
        state = state switch
        {
            "expired" => await states.IssueAsync(new PendingOAuth("acme", "sam", "quickbooks", "x", null, now.AddSeconds(-1)), now, _ct),
            "procore-state" => await states.IssueAsync(new PendingOAuth("acme", "sam", "procore", "x", null, now.AddMinutes(5)), now, _ct),
            _ => state,
        };

        var response = await sam.GetAsync($"/console/connections/quickbooks/callback?code=AB1&realmId={_qbo.Realm}&state={state}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await Tenant.QuickBooks.CurrentAsync(_ct));
        Assert.DoesNotContain(await EventsAsync(), e => e.Kind == "connection.connected");
    }

    [Theory]
    [InlineData("dana")]
    [InlineData("vic")]
    public async Task Connect_NonAdmin_RefusedWithoutAButtonAndNothingStored(string user)
    {
        var browser = await SignedInAsync(user);
        Assert.DoesNotContain("/admin/connections/", await browser.GetStringAsync("/t/acme/admin"));
        var token = FormToken().Match(await browser.GetStringAsync("/t/acme/inbox"));

        var post = await browser.PostAsync("/t/acme/admin/connections/quickbooks/connect", Form(token, []));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(await Tenant.QuickBooks.CurrentAsync(_ct));
    }

    [Fact]
    public async Task Callback_StartedByAnotherUser_RefusedAndNothingStored()
    {
        var callback = await ProviderRedirectAsync(await PressAsync(await SignedInAsync("sam"), "quickbooks", "connect"));

        var response = await (await SignedInAsync("dana")).GetAsync(callback);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("started by sam, not dana", await response.Content.ReadAsStringAsync());
        Assert.Null(await Tenant.QuickBooks.CurrentAsync(_ct));
    }

    [Fact]
    public async Task AdminPage_ConnectionMarkedNeedsReconnect_ShowsItWithTheErrorAndReconnect()
    {
        var sam = await SignedInAsync("sam");
        await sam.GetAsync(await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect")));
        await Tenant.QuickBooks.SetStatusAsync(_qbo.Realm, QuickBooksConnection.NeedsReconnect, "invalid_grant: refresh token revoked", _ct);

        var row = Row(WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/admin")), "quickbooks");

        Assert.Contains("needs reconnecting", row);
        Assert.Contains("invalid_grant: refresh token revoked", row);
        Assert.Contains("Reconnect QuickBooks Online", row);
    }

    [Fact]
    public async Task AdminPageAndReports_SyncStoppedAfterTwoPagesOfBills_SayTheBooksArePartlySynced()
    {
        var sam = await SignedInAsync("sam");
        await sam.GetAsync(await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect")));
        // Where a full sync that read the name lists and two pages of bills, then stopped, leaves its marks (issue 13).
        var store = Tenant.QuickBooksSync;
        await store.SetStateAsync(SyncIncomplete.StartedKey, "2026-11-27T22:00:00.000Z", _ct);
        foreach (var entity in QuickBooksSyncStore.Entities.TakeWhile(e => e != "Bill"))
        {
            await store.ApplyAsync(entity, [], new SyncCursor(entity, 1, true), _ct);
        }

        await store.ApplyAsync("Bill", [], new SyncCursor("Bill", 2001, false), _ct);

        var row = Row(WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/admin")), "quickbooks");
        var report = WebUtility.HtmlDecode(await sam.GetStringAsync("/t/acme/reports/ledger-bills"));

        // Issue 13: in the tenant's time zone (the default, America/Los_Angeles: 22:00 UTC is 2:00 PM PST).
        Assert.Contains("sync incomplete: bills through page 2, started Nov 27, 2026 2:00 PM, last page at", row);
        Assert.Contains("The books are partially synced from QuickBooks (sync incomplete: bills through page 2", report);
    }

    [Fact]
    public async Task Disconnect_Admin_RevokesAtTheProviderMarksItAndAudits()
    {
        var sam = await SignedInAsync("sam");
        await sam.GetAsync(await ProviderRedirectAsync(await PressAsync(sam, "quickbooks", "connect")));

        var response = await PressAsync(sam, "quickbooks", "disconnect");

        Assert.Contains("Disconnected QuickBooks", Uri.UnescapeDataString(response.ToString()));
        Assert.True(_qbo.Revoked);
        Assert.Equal(QuickBooksConnection.Disconnected, Assert.Single(await Tenant.QuickBooks.ListAsync(_ct)).Status);
        Assert.Single(await EventsAsync(), e => e.Kind == "connection.disconnected" && e.Actor == "sam");
    }

    [Fact]
    public async Task ConnectPost_WithoutTheAntiForgeryToken_400AndNoRedirect()
    {
        var sam = await SignedInAsync("sam");

        var post = await sam.PostAsync("/t/acme/admin/connections/quickbooks/connect", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Callback_WithoutTheSessionCookie_ReloadsSameSiteThenAsksToSignIn()
    {
        var anonymous = _factory.Browser();

        var first = await anonymous.GetStringAsync("/console/connections/quickbooks/callback?code=a&state=b");
        var second = await anonymous.GetAsync("/console/connections/quickbooks/callback?code=a&state=b&resume=1");

        Assert.Contains("http-equiv=\"refresh\"", first);
        Assert.Contains("state=b&amp;resume=1", first);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("/login", second.Headers.Location!.ToString());
    }
}
