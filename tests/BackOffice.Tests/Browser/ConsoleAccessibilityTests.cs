using BackOffice.Store.Control;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 17: every console page, in CI, over the demo's books (`backoffice demo`, run in process): each GET route of the
/// console's own route table (<see cref="ConsoleRoutes"/>) is opened at 1366 px (light) and 390 px (dark) and checked
/// by <see cref="PageChecks"/> (no sideways scroll, inputs labelled, WCAG AA contrast, headings in order, drawings
/// titled, never a 500), and the titles and narratives of the inbox, findings and proposals carry no raw record ids. Every report is opened with and without a job, with its first row's drill-down; one proposal
/// of each kind; the source records they link; the login, setup and error pages. A route the table below cannot open
/// fails the test, so a new page is covered as soon as it is mapped. One host and one browser for all of it. Every
/// page but the error pages must answer 200 (a figure's source link that was a 404 fails it); a question answered by
/// the ask box, the inbox's saved filters opened and the typed edit forms of a bill and an email (as dana and carla,
/// who may edit them) are checked too. With BACKOFFICE_SCREENS set, every page is also screenshotted there at both
/// widths (issue 17's tour: BACKOFFICE_SCREENS=/tmp/shots dotnet test --filter ConsoleAccessibilityTests).
/// </summary>
public sealed partial class ConsoleAccessibilityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string T = "/t/demo";
    private const string Job = "2026-101";
    private readonly TempDataDirectory _temp = new();
    private WebApplication _app = null!;
    private BrowserSession _session = null!;

    public async Task InitializeAsync()
    {
        await new CliRunner(_temp.Root).OkAsync("demo");
        _app = ConsoleFactory.Build(_temp, "http://127.0.0.1:0", null);
        await _app.StartAsync();
        foreach (var person in new[] { "sam", "dana", "carla" })
        {
            await _app.Services.GetRequiredService<CredentialStore>().SetPasswordAsync(person, ConsoleFactory.Password, "test", CancellationToken.None);
        }

        _session = await BrowserSession.StartAsync(_app.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        await _app.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task EveryConsoleRoute_AtDesktopAndPhoneWidth_FitsIsLabelledAndReadable()
    {
        var routes = await StartingPagesAsync();
        var unknown = ConsoleRoutes.GetPatterns(_app).Where(p => !routes.ContainsKey(p) && !ConsoleRoutes.NotPages.Contains(p)).ToList();
        Assert.True(unknown.Count == 0, $"console routes this test does not open (add them to StartingPagesAsync): {string.Join(", ", unknown)}");

        var pages = routes.Values.SelectMany(v => v).ToList();
        var failures = new List<string>();
        foreach (var (width, scheme) in new[] { (1366, ColorScheme.Light), (390, ColorScheme.Dark) })
        {
            var sam = await _session.SignInAsync("sam", width, scheme);
            var anonymous = await (await sam.Context.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme })).NewPageAsync();
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i].Anonymous ? anonymous : sam;
                failures.AddRange(await VisitAsync(page, pages[i].Path, $"{width}-{scheme}"));
                await ShotAsync(page, $"{ShotName(pages[i].Path)}-{width}{(scheme == ColorScheme.Dark ? "-dark" : "")}.png");
                if (width == 1366)
                {
                    pages.AddRange((await DrillDownsAsync(page, pages[i].Path)).Where(p => pages.All(q => q.Path != p)).Select(p => (p, false)));
                }
            }

            failures.AddRange(await AskedAndSavedAsync(sam, width, scheme));
            failures.AddRange(await EditFormsAsync(width, scheme));
            if (width == 1366)
            {
                failures.AddRange(await RawIdsAsync(sam, pages.Select(p => p.Path).Where(p => p.StartsWith($"{T}/proposals/", StringComparison.Ordinal))));
            }

            await sam.Context.CloseAsync();
            await anonymous.Context.CloseAsync();
        }

        output.WriteLine($"{pages.Count} pages at 2 widths; {failures.Count} problems\n{string.Join("\n", failures)}");
        Assert.True(failures.Count == 0, $"{failures.Count} problems: {string.Join(" | ", failures.Take(15))}");
    }

    /// <summary>How to open each console route: the pages a person reaches from the menu and one of each kind of detail and error page.</summary>
    private async Task<Dictionary<string, List<(string Path, bool Anonymous)>>> StartingPagesAsync()
    {
        var reports = _app.Services.GetServices<IReport>().Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var proposals = await _app.Services.GetRequiredService<ProposalGate>().ListAsync(_temp.Tenant("demo"), new ProposalFilter(), CancellationToken.None);
        var signedIn = (string[] paths) => paths.Select(p => (p, false)).ToList();
        return new Dictionary<string, List<(string, bool)>>(StringComparer.Ordinal)
        {
            ["/"] = signedIn(["/"]),
            ["/login"] = [("/login", true), ("/login?error=Wrong+user+name+or+password.", true)],
            ["/setup"] = [("/setup?token=not-a-setup-token", true)],
            ["/console/connections/{source}/callback"] = signedIn(["/console/connections/quickbooks/callback?state=unknown&code=x"]),
            ["/t/{tenant}/dashboard"] = signedIn([$"{T}/dashboard"]),
            ["/t/{tenant}/inbox"] = signedIn([$"{T}/inbox", $"{T}/inbox?f_state=nonsense"]),
            // One proposal of each agent and kind, a waiting one where there is (its typed edit form shows: a bill's lines, an email's body).
            ["/t/{tenant}/proposals/{id:long}"] = signedIn(
            [
                .. proposals.OrderBy(p => p.State == ProposalStates.Proposed ? 0 : 1).ThenBy(p => p.Id).DistinctBy(p => (p.Agent, p.ActionKind)).OrderBy(p => p.Id)
                    .Select(p => $"{T}/proposals/{p.Id}"),
                $"{T}/proposals/999999",
            ]),
            ["/t/{tenant}/findings"] = signedIn([$"{T}/findings"]),
            ["/t/{tenant}/reports"] = signedIn([$"{T}/reports"]),
            ["/t/{tenant}/reports/{name}"] = signedIn(
                [.. reports.SelectMany(r => new[] { $"{T}/reports/{r}", $"{T}/reports/{r}?job={Job}" }), $"{T}/reports/no-such-report", $"{T}/reports/wip?job=no-such-job"]),
            // The drill-downs are the first row link of each report page, collected as the pages are opened.
            ["/t/{tenant}/reports/{name}/{rowId}"] = signedIn([$"{T}/reports/wip/no-such-row"]),
            ["/t/{tenant}/records/{table}/{id}"] = signedIn([$"{T}/records/ledger_accounts/acct-5400"]),
            ["/t/{tenant}/jobs"] = signedIn([$"{T}/jobs"]),
            ["/t/{tenant}/admin"] = signedIn([$"{T}/admin"]),
            ["/t/{tenant}/admin/tokens"] = signedIn([$"{T}/admin/tokens"]),
            ["/t/{tenant}/import"] = signedIn([$"{T}/import"]),
            ["/t/{tenant}/import/{id}"] = signedIn([$"{T}/import/no-such-upload"]),
            ["/t/{tenant}/audit"] = signedIn([$"{T}/audit"]),
        };
    }

    /// <summary>The parts of the error pages' paths (an unknown proposal, report, job, row, upload or setup token, a refused filter or callback).</summary>
    private static readonly string[] Refusals = ["999999", "no-such-", "nonsense", "not-a-setup-token", "state=unknown", "error="];

    /// <summary>
    /// The two pages a link does not open: an answered question (the dashboard's ask box) and the inbox's saved
    /// filters, one saved and the panel opened; checked and screenshotted as the others.
    /// </summary>
    private async Task<List<string>> AskedAndSavedAsync(IPage sam, int width, ColorScheme scheme)
    {
        var variant = $"{width}{(scheme == ColorScheme.Dark ? "-dark" : "")}";
        await sam.GotoAsync($"{_session.Base}{T}/dashboard");
        await sam.FillAsync("#ask-question", "which jobs are over budget and by how much?");
        await sam.ClickAsync($"form[action='{T}/ask'] button");
        await Assertions.Expect(sam.Locator("section[aria-labelledby=ask-answer]")).ToBeVisibleAsync();
        var failures = await CheckAsync(sam, "ask (answered)", variant);
        await ShotAsync(sam, $"ask-answered-{variant}.png");

        await sam.GotoAsync($"{_session.Base}{T}/inbox?f_state=proposed");
        await sam.ClickAsync("details.saved summary");
        await sam.FillAsync("details.saved label input[name=name]", $"Waiting {variant}");
        await sam.ClickAsync("details.saved button:text-is('Save this filter')");
        await sam.ClickAsync("details.saved summary");
        await Assertions.Expect(sam.Locator("details.saved .saved-filter a", new() { HasText = $"Waiting {variant}" })).ToBeVisibleAsync();
        failures.AddRange(await CheckAsync(sam, "inbox (saved filters open)", variant));
        await ShotAsync(sam, $"inbox-saved-filters-{variant}.png");
        return failures;
    }

    /// <summary>
    /// The typed edit forms as the leads who may edit see them (sam, an admin, may not edit money proposals): dana a
    /// bill's (vendor, dates, lines as a table), carla an email's (a multi-line body and the message's preview).
    /// </summary>
    private async Task<List<string>> EditFormsAsync(int width, ColorScheme scheme)
    {
        var variant = $"{width}{(scheme == ColorScheme.Dark ? "-dark" : "")}";
        var proposals = await _app.Services.GetRequiredService<ProposalGate>().ListAsync(_temp.Tenant("demo"), new ProposalFilter(ProposalStates.Proposed), CancellationToken.None);
        var failures = new List<string>();
        foreach (var (person, kind, field, name) in new[] { ("dana", "ledger.create-bill", "form.edit fieldset table", "bill"), ("carla", "collections.send-message", "form.edit textarea", "email") })
        {
            var lead = await _session.SignInAsync(person, width, scheme);
            var id = proposals.First(p => p.ActionKind == kind).Id;
            await lead.GotoAsync($"{_session.Base}{T}/proposals/{id}");
            await Assertions.Expect(lead.Locator(field).First).ToBeVisibleAsync();
            failures.AddRange(await CheckAsync(lead, $"{T}/proposals/{id} ({person} editing the {name})", variant));
            await ShotAsync(lead, $"edit-{name}-{variant}.png");
            await lead.Context.CloseAsync();
        }

        return failures;
    }

    private async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("BACKOFFICE_SCREENS") is { Length: > 0 })
        {
            await _session.ShotAsync(page, name, output);
        }
    }

    /// <summary>A report's first row drill-down, and the first source record a proposal or a report with a job links to.</summary>
    private static async Task<List<string>> DrillDownsAsync(IPage page, string path)
    {
        var links = new List<string>();
        var report = path.StartsWith($"{T}/reports/", StringComparison.Ordinal) && !path.Contains('?', StringComparison.Ordinal) ? path + "/" : null;
        foreach (var prefix in new[] { report, path.StartsWith($"{T}/proposals/", StringComparison.Ordinal) || path.Contains("job=", StringComparison.Ordinal) ? $"{T}/records/" : null })
        {
            var first = prefix is null ? null : page.Locator($"main a[href^='{prefix}']").First;
            if (first is not null && await first.CountAsync() > 0 && await first.GetAttributeAsync("href") is { } href)
            {
                links.Add(href);
            }
        }

        return links;
    }

    /// <summary>Issue 17: titles and narratives of the inbox, findings and proposals name accounts, bills, journal lines, payments and commitments, not their ids.</summary>
    private async Task<List<string>> RawIdsAsync(IPage page, IEnumerable<string> proposals)
    {
        var failures = new List<string>();
        foreach (var path in new[] { $"{T}/inbox", $"{T}/findings" }.Concat(proposals))
        {
            await page.GotoAsync(_session.Base + path);
            var texts = await page.Locator("main h1, main td.col-title, main td.col-narrative, main p.narrative").AllInnerTextsAsync();
            failures.AddRange(texts.SelectMany(t => RawId().Matches(t)).Select(m => $"{path}: raw id {m.Value}").Distinct());
        }

        return failures;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:acct|bill|je|pmt|cmt|pr)-\d")]
    private static partial System.Text.RegularExpressions.Regex RawId();

    /// <summary>"/t/demo/reports/wip?job=2026-101" as "reports-wip-job-2026-101": screenshots only when BACKOFFICE_SCREENS says where.</summary>
    private static string ShotName(string path) =>
        string.Concat(path.Replace($"{T}/", "", StringComparison.Ordinal).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')).Trim('-') is { Length: > 0 } name ? name : "home";

    private async Task<List<string>> VisitAsync(IPage page, string path, string variant)
    {
        var response = await page.GotoAsync(_session.Base + path);
        var where = $"{path} ({variant})";
        var failures = new List<string>();
        // Every page a person opens answers 200; only the error pages below are meant to refuse (400, 404), never with a 500.
        if (response is null || response.Status >= 500 || (response.Status != 200 && !Refusals.Any(path.Contains)))
        {
            failures.Add($"{where}: HTTP {response?.Status}");
        }

        failures.AddRange(await CheckAsync(page, path, variant));
        return failures;
    }

    private static async Task<List<string>> CheckAsync(IPage page, string path, string variant)
    {
        var where = $"{path} ({variant})";
        var failures = new List<string>();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        failures.AddRange(overflow > 0 ? [$"{where}: scrolls sideways by {overflow} px"] : []);
        foreach (var (check, what) in new[] { (PageChecks.Unlabelled, "unlabelled"), (PageChecks.LowContrast, "low contrast"), (PageChecks.HeadingsOutOfOrder, "headings"), (PageChecks.Untitled, "untitled") })
        {
            failures.AddRange((await page.EvaluateAsync<string[]>(check)).Take(3).Select(f => $"{where}: {what} {f}"));
        }

        return failures;
    }
}
