using BackOffice.Tests.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>Debian's Chromium through Playwright (no browser download), signing people in at a given width and colour scheme.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public string Base { get; private init; } = "";

    public static async Task<BrowserSession> StartAsync(string baseUrl)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        var session = new BrowserSession { Base = baseUrl };
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return session;
    }

    public async Task<IPage> SignInAsync(string user, int width, ColorScheme scheme)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 }, ColorScheme = scheme, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Base}/login");
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", ConsoleFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Inbox");
        return page;
    }

    public async Task ShotAsync(IPage page, string name, ITestOutputHelper output)
    {
        // Under the test output folder unless BACKOFFICE_SCREENS says otherwise: the shared temp folder would mix the
        // screenshots of everyone running the suite on the machine (issue 13).
        var folder = Environment.GetEnvironmentVariable("BACKOFFICE_SCREENS") ?? Path.Combine(AppContext.BaseDirectory, "screens");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
