using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// The console in Debian's Chromium, driven by Playwright, against the real host on a random 127.0.0.1 port (issue 9).
/// No `playwright install`: the browser is /usr/bin/chromium, which .ci/run installs; without it these tests FAIL.
/// </summary>
public sealed class ConsoleBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDataDirectory _temp = new();
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        _app = ConsoleFactory.Build(_temp, "http://127.0.0.1:0", new SampleWipReport());
        await _app.StartAsync();
        await ConsoleFactory.SeedAsync(_app.Services, _temp);
        _base = _app.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Lead_ApprovesExecutesAndUndoes_AfterAnAdminTurnsWritesOn()
    {
        var dana = await SignInAsync("dana");
        await dana.GotoAsync($"{_base}/t/acme/inbox");
        await Assertions.Expect(dana.Locator("table")).ToContainTextAsync("Draft bill RP-007");
        await ShotAsync(dana, "console-inbox.png");

        await dana.ClickAsync("table tbody a");
        await Assertions.Expect(dana.Locator("h2", new() { HasText = "Figures" })).ToBeVisibleAsync();
        await Assertions.Expect(dana.Locator("td.num", new() { HasText = "$16,560.00" })).ToBeVisibleAsync();
        await ShotAsync(dana, "console-proposal.png");
        await dana.ClickAsync("button:has-text('Approve')");
        await Assertions.Expect(dana.Locator(".notice")).ToContainTextAsync("is now approved");

        var sam = await SignInAsync("sam");
        await ToggleAsync(sam, "Turn master writes on");
        await ToggleAsync(sam, "#agent-financial button:has-text('Writes on')");
        await Assertions.Expect(sam.Locator("#master-state")).ToHaveTextAsync("ON");
        await Assertions.Expect(sam.Locator("table").Last).ToContainTextAsync("agent:financial:writes");

        await dana.ReloadAsync();
        await Assertions.Expect(dana.Locator("button:has-text('Approve')")).ToHaveCountAsync(0);
        await dana.ClickAsync("button:has-text('Execute')");
        await Assertions.Expect(dana.Locator(".notice")).ToContainTextAsync("is now executed");
        await Assertions.Expect(dana.Locator(".why-not")).ToContainTextAsync("Approve: It is executed");
        await dana.ClickAsync("button:has-text('Undo')");
        await Assertions.Expect(dana.Locator(".notice")).ToContainTextAsync("is now reverted");
        await Assertions.Expect(dana.Locator("button:has-text('Undo')")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Viewer_IsRefusedApprovalAndSwitches()
    {
        // Issue 17: no button the gate would refuse; the reason is shown instead.
        var vic = await SignInAsync("vic");
        await vic.GotoAsync($"{_base}/t/acme/proposals/1");
        await Assertions.Expect(vic.Locator("button:has-text('Approve')")).ToHaveCountAsync(0);
        await Assertions.Expect(vic.Locator(".why-not")).ToContainTextAsync("vic is a viewer and may not approve");

        await Assertions.Expect(vic.Locator("header nav a", new() { HasText = "Admin" })).ToHaveCountAsync(0);
        await vic.GotoAsync($"{_base}/t/acme/admin");
        await Assertions.Expect(vic.Locator("main")).ToContainTextAsync("Only an admin toggles switches");
        await Assertions.Expect(vic.Locator("button:has-text('Turn master writes on')")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOut_TheHeaderButton_EndsTheSession()
    {
        // Issue 19: the button posts the header's form with its anti-forgery token; afterwards the console asks to sign in.
        var dana = await SignInAsync("dana");

        await dana.ClickAsync("header button:has-text('Sign out')");

        await Assertions.Expect(dana.Locator("h1")).ToHaveTextAsync("Sign in");
        await dana.GotoAsync($"{_base}/t/acme/inbox");
        await Assertions.Expect(dana.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task JobView_DrawsTheWipChart()
    {
        var dana = await SignInAsync("dana");
        await dana.GotoAsync($"{_base}/t/acme/jobs");
        await ShotAsync(dana, "console-jobs.png");

        // Other registered job reports (the Financial agent's margin) draw their own charts below; this checks the WIP section.
        var wip = dana.Locator("h2:has-text('WIP schedule') + *");
        // Issue 17: only amount columns are charted, on one shared scale (percentComplete is a percentage, not charted).
        // Issue 17: each chart is drawn wide and compact (for a phone); at 1280 px the wide drawing shows.
        await Assertions.Expect(wip.Locator("svg.chart-wide:visible")).ToHaveCountAsync(2);
        await Assertions.Expect(wip.Locator("svg.chart-wide rect[fill='#b3261e']")).ToHaveCountAsync(2);
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_base}/login");
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", ConsoleFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Inbox");
        return page;
    }

    /// <summary>Admin changes go through a confirmation page: click the switch, then Confirm.</summary>
    private async Task ToggleAsync(IPage page, string button)
    {
        if (!page.Url.EndsWith("/admin", StringComparison.Ordinal) && !page.Url.Contains("/admin?", StringComparison.Ordinal))
        {
            await page.GotoAsync($"{_base}/t/acme/admin");
        }

        await page.ClickAsync(button.StartsWith('#') ? button : $"button:has-text('{button}')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Confirm switch change");
        await page.ClickAsync("button:has-text('Confirm')");
    }

    private async Task ShotAsync(IPage page, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
