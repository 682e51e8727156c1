using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support.QuickBooks;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 13's Connect button in Chromium against the loopback fake QuickBooks, at a desktop (1366 px) and a phone
/// (390 px) width: an admin connects from the admin page, the browser follows the fake's redirect back to the console's
/// callback (and, the session cookie being SameSite=Strict, the console's same-site reload of it), and lands on the admin
/// page connected. Opening the callback address again, as a reload or the back button does after the redirect, is a
/// plain error page (the state was spent) and stores nothing twice: one connection row, one audit entry, one row shown.
/// </summary>
public sealed class ConnectBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Callback = "/console/connections/quickbooks/callback";
    private FakeQuickBooks _qbo = null!;
    private ConsoleBrowserHost _host = null!;

    private TenantData Acme => _host.Temp.Tenant("acme");

    public async Task InitializeAsync()
    {
        _qbo = await FakeQuickBooks.StartAsync();
        _host = await ConsoleBrowserHost.StartAsync(settings: baseUrl => _qbo.ProductSettings()
            .Select(s => KeyValuePair.Create("QuickBooks:" + s.Name, (string?)s.Value))
            .Append(KeyValuePair.Create("Console:BaseUrl", (string?)baseUrl))
            .ToDictionary());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _qbo.DisposeAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task ConnectThenReloadCallback_StateAlreadyUsed_PlainErrorAndOneConnection(int width)
    {
        var sam = await _host.Session.SignInAsync("sam", width, ColorScheme.Light);
        var callbacks = new List<string>();
        sam.Request += (_, request) =>
        {
            if (request.IsNavigationRequest && request.Url.Contains(Callback, StringComparison.Ordinal))
            {
                callbacks.Add(request.Url);
            }
        };
        await sam.GotoAsync($"{_host.Session.Base}/t/acme/admin");

        await sam.ClickAsync("#connection-quickbooks button:has-text('Connect QuickBooks Online')");

        await Assertions.Expect(sam.Locator(".notice").First).ToContainTextAsync($"Connected QuickBooks company {FakeQuickBooks.CompanyName} ({_qbo.Realm}).");
        Assert.EndsWith("/t/acme/admin", new Uri(sam.Url).AbsolutePath);
        await Assertions.Expect(sam.Locator("#connection-quickbooks")).ToContainTextAsync("connected");
        await Assertions.Expect(sam.Locator("#connection-quickbooks")).ToContainTextAsync(FakeQuickBooks.CompanyName);
        Assert.Contains(callbacks, url => url.StartsWith(_host.Session.Base + Callback + "?", StringComparison.Ordinal));
        await PageChecks.FitsAsync(sam, "admin", width);
        var disconnect = await sam.Locator("#connection-quickbooks button:has-text('Disconnect')").BoundingBoxAsync();
        Assert.True(disconnect!.X + disconnect.Width <= width, $"Disconnect ends at {disconnect.X + disconnect.Width} px, off a {width} px screen");
        // The agent write switches' Change buttons stay on screen too: at 390 px each agent is a card (issue 17).
        var mode = await sam.Locator("#agent-financial button:has-text('mode')").BoundingBoxAsync();
        Assert.True(mode!.X + mode.Width <= width, $"the mode button ends at {mode.X + mode.Width} px, off a {width} px screen");
        await _host.Session.ShotAsync(sam, $"connect-admin-{width}.png", output);

        var reload = await sam.GotoAsync(callbacks[^1]);

        Assert.Equal(400, reload!.Status);
        await Assertions.Expect(sam.Locator("h1")).ToHaveTextAsync("Not connected");
        await Assertions.Expect(sam.Locator(".notice")).ToContainTextAsync("This sign-in is unknown or was already used: nothing was stored.");
        await PageChecks.FitsAsync(sam, "reload error", width);
        await _host.Session.ShotAsync(sam, $"connect-reload-error-{width}.png", output);
        Assert.Single(await Acme.QuickBooks.ListAsync(CancellationToken.None));
        Assert.Single(await EventsAsync(), e => e.Kind == "connection.connected");
        await sam.GotoAsync($"{_host.Session.Base}/t/acme/admin");
        await Assertions.Expect(sam.Locator("#connection-quickbooks")).ToHaveCountAsync(1);
        await Assertions.Expect(sam.Locator("#connection-quickbooks")).ToContainTextAsync($"{FakeQuickBooks.CompanyName}{_qbo.Realm}sam");
    }

    private async Task<IReadOnlyList<AuditEvent>> EventsAsync()
    {
        await using var unit = await Acme.ReadAsync(CancellationToken.None);
        return await AuditStore.ReadAllAsync(unit, CancellationToken.None);
    }
}
