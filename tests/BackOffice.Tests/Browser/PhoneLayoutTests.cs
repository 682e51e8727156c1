using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Tests.Gate;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 17 at a phone's width (390 px, an iPhone 12-15's CSS width): the inbox is one card per proposal with the
/// whole title, its amount, agent and age, and its Approve button in view; no console page scrolls sideways. The
/// screenshots (inbox, a proposal, the dashboard at 1366 and 390 px) go where <see cref="BrowserSession.ShotAsync"/> puts them.
/// </summary>
public sealed class PhoneLayoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string LongTitle = "Draft bill SI-1001 to Northwest Commercial Concrete Finishing and Pumping Services LLC for the level 2 post-tension deck pour, Kessler-Whitmore-Anderson-Building-Phase-Two";

    private ConsoleBrowserHost _host = null!;

    private BrowserSession Session => _host.Session;

    /// <summary>Every page a person opens from the menu, and one of each kind of detail page (a proposal, the long-titled one, a report, a job).</summary>
    public static readonly string[] Pages =
        ["inbox", "proposals/1", "proposals/2", "findings", "audit", "jobs", "reports/wip/2026-021", "reports", "reports/ledger-bills", "reports/wip", "dashboard", "admin"];

    public async Task InitializeAsync()
    {
        _host = await ConsoleBrowserHost.StartAsync(new SampleWipReport());
        var drafts = new[]
        {
            GateFixture.BillDraft(key: "fin:routine:long", risk: RiskClass.Routine) with { Title = LongTitle },
            GateFixture.BillDraft(key: "fin:routine:2", risk: RiskClass.Routine, amount: "86.25"),
        };
        await _host.App.Services.GetRequiredService<ProposalGate>().SubmitAsync(_host.Temp.Tenant("acme"), Actor.Agent("financial"), drafts, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Inbox_AtPhoneWidth_EachProposalIsACardWithTheWholeTitleAndItsApproveInView()
    {
        var alex = await Session.SignInAsync("alex", 390, ColorScheme.Light);
        var card = alex.Locator("form.bulk tbody tr", new() { Has = alex.Locator($"a:text-is('{LongTitle}')") });

        await card.ScrollIntoViewIfNeededAsync();
        var inner = await alex.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('.scroll')].map(s => s.scrollWidth - s.clientWidth))");
        Assert.True(inner <= 0, $"the inbox's list scrolls sideways inside its box by {inner} px");
        await Assertions.Expect(card.Locator("a", new() { HasText = "Kessler" })).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(card.Locator(".col-amount")).ToHaveTextAsync("$1,234.50");
        await Assertions.Expect(card.Locator(".col-agent")).ToHaveTextAsync("financial");
        Assert.Equal("\"Amount \"", await card.Locator(".col-amount").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        await Assertions.Expect(card.Locator(".col-proposedAt .age")).ToHaveTextAsync("(just now)");
        var approve = card.Locator("button:has-text('Approve')");
        await Assertions.Expect(approve).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = (await approve.BoundingBoxAsync())!;
        var tick = (await card.Locator("input[name=ids]").BoundingBoxAsync())!;
        await Session.ShotAsync(alex, "inbox-cards-390.png", output);

        // Targets a thumb can hit: 44 px high buttons (WCAG 2.5.5), 24 px check boxes (WCAG 2.5.8's minimum).
        Assert.InRange(box.Height, 44, 80);
        Assert.InRange(tick.Width, 24, 40);
        var id = await card.Locator("input[name=ids]").GetAttributeAsync("value");
        await approve.ClickAsync();
        await Assertions.Expect(alex.Locator(".notice")).ToHaveTextAsync($"1 proposal approved: {id}.");
        await Assertions.Expect(alex.Locator("h1")).ToHaveTextAsync("Inbox");
    }

    [Fact]
    public async Task Proposal_AtPhoneWidth_WhatWillBeWrittenLinesAreLabelledRowsNothingClipped()
    {
        var dana = await Session.SignInAsync("dana", 390, ColorScheme.Light);
        await dana.GotoAsync($"{Session.Base}/t/acme/proposals/1");
        var lines = dana.Locator("h2:text-is('What will be written') + dl table.lines");

        await lines.ScrollIntoViewIfNeededAsync();
        await Session.ShotAsync(dana, "proposal-written-lines-390.png", output);
        var box = await lines.EvaluateAsync<int>("t => t.closest('.scroll').scrollWidth - t.closest('.scroll').clientWidth");
        Assert.True(box <= 0, $"the written lines scroll sideways inside their box by {box} px");
        var clipped = await lines.EvaluateAsync<string[]>(
            "t => [...t.querySelectorAll('td,th')].filter(c => c.getClientRects().length && (c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)).map(c => c.textContent)");
        Assert.True(clipped.Length == 0, $"cells clipped: {string.Join(" | ", clipped)}");
        var amount = lines.Locator("tbody td.num").First;
        Assert.Equal("\"Amount\"", await amount.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        // A label/value row: the label beside its value on one line, not the value broken a word a line.
        var (label, cell) = (await amount.EvaluateAsync<int>("e => parseFloat(getComputedStyle(e).lineHeight)"), (await amount.BoundingBoxAsync())!);
        Assert.True(cell.Height < 2 * label + 8, $"the amount row is {cell.Height} px high: its value wraps");
        await Assertions.Expect(lines.Locator("thead")).ToBeHiddenAsync();
        await Assertions.Expect(lines.Locator("tfoot th", new() { HasText = "Total" })).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Inbox_AtDesktopWidth_KeepsTheTableAndHidesTheCardButtons()
    {
        var alex = await Session.SignInAsync("alex", 1366, ColorScheme.Light);

        await Assertions.Expect(alex.Locator("form.bulk thead")).ToBeVisibleAsync();
        await Assertions.Expect(alex.Locator("form.bulk .row-actions").First).ToBeHiddenAsync();
        await Assertions.Expect(alex.Locator("form.bulk th", new() { HasText = "Amount" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task EveryPage_AtWidth_DoesNotScrollSideways(int width)
    {
        var dana = await Session.SignInAsync("dana", width, ColorScheme.Light);
        var failures = new List<string>();
        foreach (var path in Pages)
        {
            await dana.GotoAsync($"{Session.Base}/t/acme/{path}");
            await Assertions.Expect(dana.Locator("h1")).Not.ToHaveTextAsync("Not found");
            failures.AddRange(await SidewaysAsync(dana, path));
            if (path is "inbox" or "proposals/1" or "dashboard")
            {
                await Session.ShotAsync(dana, $"phone-layout-{path.Replace('/', '-')}-{width}.png", output);
            }
        }

        await dana.GotoAsync($"{Session.Base}/t/acme/dashboard");
        await dana.FillAsync("#ask-question", "which jobs are over budget and by how much across every cost code?");
        await dana.ClickAsync("form[action='/t/acme/ask'] button");
        await Assertions.Expect(dana.Locator("section[aria-labelledby=ask-answer]")).ToBeVisibleAsync();
        failures.AddRange(await SidewaysAsync(dana, "ask (answered)"));

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    private static async Task<IEnumerable<string>> SidewaysAsync(IPage page, string what)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        return scroll <= inner ? [] : [$"{what} scrolls sideways: {scroll} px wide in a {inner} px window"];
    }
}
