using BackOffice.Kernel.Abstractions.Identity;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Tests.Api;
using BackOffice.Tests.Gate;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 17 in Chromium at a desktop (1366 px) and a phone (390 px) width: no page overflows sideways, the signed-in
/// name shows, every input is labelled, text meets WCAG AA contrast in light and dark schemes, and routine proposals
/// are approved in bulk. Screenshots of every page go to $BACKOFFICE_SCREENS (default: screens/ in the test output folder).
/// </summary>
public sealed class ConsoleLayoutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDataDirectory _temp = new();
    private WebApplication _app = null!;
    private BrowserSession _session = null!;

    public static readonly string[] Pages =
        ["dashboard", "inbox", "proposals/1", "findings", "reports", "reports/ledger-bills", "reports/wip", "reports/wip/2026-021", "jobs", "audit", "admin", "import", "records/project_sub_invoices/si-1"];

    public async Task InitializeAsync()
    {
        _app = ConsoleFactory.Build(_temp, "http://127.0.0.1:0", new SampleWipReport());
        await _app.StartAsync();
        await ConsoleFactory.SeedAsync(_app.Services, _temp);
        var gate = _app.Services.GetRequiredService<ProposalGate>();
        var drafts = Enumerable.Range(1, 3).Select(i => GateFixture.BillDraft(key: $"fin:routine:{i}", risk: RiskClass.Routine)).ToList();
        await gate.SubmitAsync(_temp.Tenant("acme"), Actor.Agent("financial"), drafts, CancellationToken.None);
        _session = await BrowserSession.StartAsync(_app.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(1366, ColorScheme.Light)]
    [InlineData(390, ColorScheme.Light)]
    [InlineData(390, ColorScheme.Dark)]
    public async Task EveryPage_AtWidth_FitsIsLabelledAndReadable(int width, ColorScheme scheme)
    {
        var sam = await _session.SignInAsync("sam", width, scheme);
        foreach (var path in Pages)
        {
            await sam.GotoAsync($"{_session.Base}/t/acme/{path}");
            Assert.Equal("Back office", await sam.Locator("header .brand").InnerTextAsync());
            Assert.DoesNotContain(await sam.Locator("h1").InnerTextAsync(), new[] { "Not found", "Bad request" });
            await Assertions.Expect(sam.Locator("header .who")).ToBeVisibleAsync();
            var overflow = await sam.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} at {width} px overflows sideways by {overflow} px");
            var unlabelled = await sam.EvaluateAsync<string[]>(PageChecks.Unlabelled);
            Assert.True(unlabelled.Length == 0, $"{path}: inputs without a label: {string.Join(", ", unlabelled)}");
            var untitled = await sam.EvaluateAsync<string[]>(PageChecks.Untitled);
            Assert.True(untitled.Length == 0, $"{path}: images or drawings without a title: {string.Join(" | ", untitled)}");
            var headings = await sam.EvaluateAsync<string[]>(PageChecks.HeadingsOutOfOrder);
            Assert.True(headings.Length == 0, $"{path}: headings out of order: {string.Join(" | ", headings)}");
            var lowContrast = await sam.EvaluateAsync<string[]>(PageChecks.LowContrast);
            Assert.True(lowContrast.Length == 0, $"{path} ({scheme}): text below WCAG AA contrast: {string.Join(" | ", lowContrast.Take(5))}");
            await _session.ShotAsync(sam, $"{path.Replace('/', '-')}-{width}{(scheme == ColorScheme.Dark ? "-dark" : "")}.png", output);
        }
    }

    [Fact]
    public async Task Inbox_BulkApprove_ApprovesOnlyTheSelectedRoutineProposals()
    {
        var alex = await _session.SignInAsync("alex", 1366, ColorScheme.Light);
        await Assertions.Expect(alex.Locator("input[name=ids]")).ToHaveCountAsync(3);
        await alex.CheckAsync("input[name=ids][value='2']");
        await alex.CheckAsync("input[name=ids][value='3']");
        await alex.ClickAsync("button:has-text('Approve selected')");
        await Assertions.Expect(alex.Locator(".notice")).ToContainTextAsync("2 proposals approved: 2, 3.");
        await Assertions.Expect(alex.Locator("input[name=ids]")).ToHaveCountAsync(1);

        // The money proposal is never selectable, and filtering by state pages on the server.
        await alex.GotoAsync($"{_session.Base}/t/acme/inbox?f_state=approved");
        await Assertions.Expect(alex.Locator(".pager .shown")).ToHaveTextAsync("Showing 1–2 of 2");
    }

    /// <summary>
    /// Issue 17: the saved-filters panel is one partial placed right below the filter bar, on the inbox and on a report
    /// alike: opened, it spans the bar's width and starts just under it, and fits at both widths.
    /// </summary>
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task SavedFilters_OpenedOnInboxAndReport_SamePlaceBelowTheFilterBar(int width)
    {
        var dana = await _session.SignInAsync("dana", width, ColorScheme.Light);
        foreach (var (path, shot) in new[] { ("inbox", "inbox"), ("reports/wip", "report-wip") })
        {
            await dana.GotoAsync($"{_session.Base}/t/acme/{path}");
            await dana.ClickAsync("details.saved > summary");
            await Assertions.Expect(dana.Locator("details.saved input[name=name]")).ToBeVisibleAsync();
            var follows = await dana.EvaluateAsync<bool>("() => document.querySelector('form.filters').nextElementSibling === document.querySelector('details.saved')");
            var bar = (await dana.Locator("form.filters").BoundingBoxAsync())!;
            var panel = (await dana.Locator("details.saved").BoundingBoxAsync())!;
            await _session.ShotAsync(dana, $"saved-filters-{shot}-{width}.png", output);

            Assert.True(follows, $"{path}: the saved filters follow the filter bar");
            Assert.Equal((bar.X, bar.Width), (panel.X, panel.Width));
            Assert.InRange(panel.Y - (bar.Y + bar.Height), 0, 24);
            Assert.True(await dana.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, $"{path} overflows at {width} px");
        }
    }

    [Fact]
    public async Task Report_ExcelLink_DownloadsEveryRowAsAWorkbook()
    {
        var dana = await _session.SignInAsync("dana", 1366, ColorScheme.Light);
        await dana.GotoAsync($"{_session.Base}/t/acme/reports/wip?sort=overUnderBilling");
        var download = await dana.RunAndWaitForDownloadAsync(() => dana.ClickAsync(".exports a:has-text('Excel')"));
        var file = Path.Combine(_temp.Root, download.SuggestedFilename);
        await download.SaveAsAsync(file);

        var sheet = BackOffice.Tests.ApprovalConsole.ExportTests.ReadXlsx(await File.ReadAllBytesAsync(file));
        Assert.Equal(["Job", "Percent complete", "Over under billing", "Margin at completion"], sheet.Rows[0].Select(c => c?.ToString()));
        Assert.Equal("Oak St Retail Fit-out", sheet.Rows[1][0]);
        Assert.Equal(-12850.0, Convert.ToDouble(sheet.Rows[1][2], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(4, sheet.Rows.Count);
    }

    [Fact]
    public async Task Proposal_EditBillMemoAndLine_KeepsLineBreaksAndShowsTheNewAmount()
    {
        var dana = await _session.SignInAsync("dana", 1366, ColorScheme.Light);
        await dana.GotoAsync($"{_session.Base}/t/acme/proposals/1");
        await dana.FillAsync("textarea[name='field:memo']", "Pay app 3\nretainage held");
        await dana.ClickAsync("button:has-text('Save edit')");
        await Assertions.Expect(dana.Locator(".notice")).ToContainTextAsync("is now proposed");
        await Assertions.Expect(dana.Locator("textarea[name='field:memo']")).ToHaveValueAsync("Pay app 3\nretainage held");
    }
}
