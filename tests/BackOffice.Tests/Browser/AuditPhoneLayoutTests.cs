using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 17: the audit log at a phone's width (390 px). The five-column table wrapped each timestamp over four lines
/// and its subject scrolled inside its box; each event is now a card of label/value rows ("At Nov 20, 2026 ...",
/// "Subject proposal:1"), as the inbox and a proposal's "What will be written" are. At 1366 px it stays a table.
/// </summary>
public sealed class AuditPhoneLayoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ConsoleBrowserHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsoleBrowserHost.StartAsync(new SampleWipReport());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Audit_AtPhoneWidth_EachEventIsLabelledRowsNothingClippedNoSidewaysScroll()
    {
        var sam = await _host.Session.SignInAsync("sam", 390, ColorScheme.Light);
        await sam.GotoAsync($"{_host.Session.Base}/t/acme/audit");
        var table = sam.Locator("main table.list");
        await _host.Session.ShotAsync(sam, "audit-cards-390.png", output);

        Assert.True(await sam.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "the page scrolls sideways");
        var box = await table.EvaluateAsync<int>("t => t.closest('.scroll').scrollWidth - t.closest('.scroll').clientWidth");
        Assert.True(box <= 0, $"the audit list scrolls sideways inside its box by {box} px");
        var clipped = await table.EvaluateAsync<string[]>(
            "t => [...t.querySelectorAll('td')].filter(c => c.getClientRects().length && (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)).map(c => c.textContent)");
        Assert.True(clipped.Length == 0, $"cells clipped: {string.Join(" | ", clipped)}");
        await Assertions.Expect(table.Locator("thead")).ToBeHiddenAsync();
        // The event's JSON data stays off a phone (as before the cards): one event's data ran to thousands of pixels.
        await Assertions.Expect(table.Locator("tbody td.col-data").First).ToBeHiddenAsync();
        var when = table.Locator("tbody td.col-at").First;
        Assert.Equal("\"At\"", await when.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        // A label/value row: the time beside its label on one or two lines, not a word a line as before.
        var (line, cell) = (await when.EvaluateAsync<int>("e => parseFloat(getComputedStyle(e).lineHeight)"), (await when.BoundingBoxAsync())!);
        Assert.True(cell.Height < (2 * line) + 8, $"the time row is {cell.Height} px high: its value wraps");
        var rows = await table.Locator("tbody tr").CountAsync();
        Assert.True(rows > 1, "the seeded tenant has audit events");
    }

    [Fact]
    public async Task Audit_AtDesktopWidth_StaysATable()
    {
        var sam = await _host.Session.SignInAsync("sam", 1366, ColorScheme.Light);
        await sam.GotoAsync($"{_host.Session.Base}/t/acme/audit");
        await _host.Session.ShotAsync(sam, "audit-table-1366.png", output);

        await Assertions.Expect(sam.Locator("main table.list thead")).ToBeVisibleAsync();
        Assert.Equal("none", await sam.Locator("main table.list tbody td.col-at").First.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
    }
}
