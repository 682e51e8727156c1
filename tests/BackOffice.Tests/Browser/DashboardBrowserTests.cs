using BackOffice.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 17: the dashboard over the demo's sample books (imported into acme), in Chromium at 1366 and 390 px: the
/// aging chart has one bar per bucket with the aging report's totals, over/under billing names jobs by number and
/// name, nothing overflows, and a screenshot is written to look at ($BACKOFFICE_SCREENS or screens/ in the test output folder).
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ConsoleBrowserHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleBrowserHost.StartAsync(seed: async temp =>
    {
        await new CliRunner(temp.Root).OkAsync("import", RepoPaths.DemoBundle, "--tenant", "acme");
        // The sample's own date, so the aging reads the same on any day (issue 17).
        await temp.Tenant("acme").BooksDate.PinAsync(new DateOnly(2026, 11, 15), "test", CancellationToken.None);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task Dashboard_DemoBooks_ChartsAgingAndBillingWithoutScript(int width)
    {
        var dana = await _host.Session.SignInAsync("dana", width, ColorScheme.Light);
        await dana.GotoAsync($"{_host.Session.Base}/t/acme/dashboard");

        Assert.Equal("Dashboard", await dana.Locator("h1").InnerTextAsync());
        var aging = dana.Locator("svg[aria-label^='Receivables by days past due, as of Nov 15, 2026']:visible");
        // The demo's aging total row (report aging --as-of 2026-11-15): current $155,995.00, 1-30 $4,000.00,
        // 31-60 $18,750.00, 61-90 $0.00, over 90 $3,875.00.
        await Assertions.Expect(aging.Locator("rect")).ToHaveCountAsync(5);
        foreach (var amount in new[] { "$155,995.00", "$4,000.00", "$18,750.00", "$0.00", "$3,875.00" })
        {
            await Assertions.Expect(aging.Locator("css=text", new() { HasText = amount }).First).ToBeVisibleAsync();
        }

        var billing = dana.Locator("svg[aria-label^='Over (+) and under (-) billing by job']:visible");
        await Assertions.Expect(billing.Locator("css=rect > title", new() { HasText = "2026-101 Smith Residence - Kitchen" })).ToHaveCountAsync(1);
        // Issue 17: money at stake and the cash forecast (the demo's 0-30, 31-60 and 61-90 day buckets: in, expected billings, out, net);
        // no margin fade until a WIP period is closed.
        await Assertions.Expect(dana.Locator("svg[aria-label^='Money at stake by agent']:visible")).ToHaveCountAsync(1);
        var cash = dana.Locator("svg[aria-label^='Cash forecast: invoices in, expected billings, out and net by days from Nov 15, 2026']:visible");
        await Assertions.Expect(cash.Locator("rect")).ToHaveCountAsync(12);
        await Assertions.Expect(cash.Locator("css=text", new() { HasText = "$54,632.85" }).First).ToBeVisibleAsync();
        await Assertions.Expect(cash.Locator("css=text", new() { HasText = "$19,426.96" }).First).ToBeVisibleAsync();
        await Assertions.Expect(dana.Locator("svg[aria-label^='Margin fade by job']:visible")).ToHaveCountAsync(0);
        Assert.Equal(0, await dana.Locator("script").CountAsync());
        await ChartsFitAsync(dana, width);
        var overflow = await dana.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"dashboard at {width} px overflows sideways by {overflow} px");
        await _host.Session.ShotAsync(dana, $"dashboard-demo-{width}.png", output);
    }

    /// <summary>
    /// Issue 17: every chart shown fits inside its card (no sideways scroll, no overflow) and its labels are drawn at
    /// 11 px or more on screen: the compact drawing at 390 px, the wide one at desktop width.
    /// </summary>
    private static async Task ChartsFitAsync(IPage page, int width)
    {
        var charts = await page.EvaluateAsync<ChartBox[]>("""
            () => [...document.querySelectorAll('.charts svg')].filter(s => s.getClientRects().length > 0).map(s => {
              const card = s.closest('.charts').getBoundingClientRect(), r = s.getBoundingClientRect();
              return { label: s.getAttribute('aria-label'), kind: s.getAttribute('class'), overflow: Math.ceil(Math.max(r.right - card.right, card.left - r.left)),
                       fontPx: 12 * r.width / s.viewBox.baseVal.width };
            })
            """);
        Assert.Equal(5 - 1, charts.Length); // money at stake, aging, billing, cash (no margin fade without a closed period)
        foreach (var chart in charts)
        {
            Assert.Equal(width < 640 ? "chart-compact" : "chart-wide", chart.Kind);
            Assert.True(chart.Overflow <= 0, $"{chart.Label} overflows its card by {chart.Overflow} px at {width} px");
            Assert.True(chart.FontPx >= 11, $"{chart.Label}: labels drawn at {chart.FontPx:0.0} px at {width} px");
        }
    }

    private sealed class ChartBox
    {
        public string Label { get; set; } = "";

        public string Kind { get; set; } = "";

        public int Overflow { get; set; }

        public double FontPx { get; set; }
    }

    [Fact]
    public async Task WipPeriodPage_PdfLink_DownloadsTheWipScheduleTheCliWrites()
    {
        var dana = await _host.Session.SignInAsync("dana", 1280, ColorScheme.Light);
        await dana.GotoAsync($"{_host.Session.Base}/t/acme/reports/wip-period?asOf=2026-11-15");
        var link = dana.Locator(".exports a", new() { HasText = "PDF" });
        var href = await link.GetAttributeAsync("href") ?? "";
        Assert.StartsWith("/t/acme/exports/wip-period.pdf?", href, StringComparison.Ordinal);

        var response = await dana.APIRequest.GetAsync(_host.Session.Base + href);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var file = Path.Combine(_host.Temp.Root, "wip-period.pdf");
        await File.WriteAllBytesAsync(file, await response.BodyAsync());
        var text = (await new BackOffice.Store.Documents.PdfText().ReadAsync(file, CancellationToken.None)).Text ?? "";
        Assert.Contains("WORK IN PROGRESS SCHEDULE (COST-TO-COST)", text, StringComparison.Ordinal);
        Assert.Contains("WIP for 2026-11 as of 2026-11-15", text, StringComparison.Ordinal);

        // A report with no PDF document shows no PDF link.
        await dana.GotoAsync($"{_host.Session.Base}/t/acme/reports/collections-queue?asOf=2026-11-15");
        await Assertions.Expect(dana.Locator(".exports a", new() { HasText = "PDF" })).ToHaveCountAsync(0);
    }
}
