using System.Text.Json.Nodes;
using BackOffice.Tests.Api;
using BackOffice.Tests.Model;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Tests.Browser;

/// <summary>
/// Issue 15: the dashboard's question box in Chromium at 1280 and 390 px, with the model at the loopback chat server
/// and the demo's sample books in acme: the answer shows its figure as the product rendered it and links the record it
/// used; a model that fails shows the offline answer with the reports linked. A plain form: no script, the CSP holds.
/// </summary>
public sealed class AskBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDataDirectory _temp = new();
    private readonly LoopbackChatServer _model = new();
    private WebApplication _app = null!;
    private BrowserSession _session = null!;

    public async Task InitializeAsync()
    {
        _app = ConsoleFactory.Build(_temp, "http://127.0.0.1:0", null, b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Model:Endpoint"] = _model.Endpoint, ["Model:Model"] = "loopback-model", ["Model:MaxRetries"] = "0",
            ["Model:TimeoutSeconds"] = "10", ["Model:CircuitMinimumThroughput"] = "1000",
        }));
        await _app.StartAsync();
        // The seeding sweep's narrations find no scripted reply and keep their templates.
        await ConsoleFactory.SeedAsync(_app.Services, _temp);
        await new CliRunner(_temp.Root).OkAsync("import", RepoPaths.DemoBundle, "--tenant", "acme");
        await _temp.Tenant("acme").BooksDate.PinAsync(new DateOnly(2026, 11, 15), "test", CancellationToken.None);
        _session = await BrowserSession.StartAsync(_app.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
        await _app.DisposeAsync();
        _model.Dispose();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task AskBox_ModelAnswers_ShowsTheRenderedFigureAndLinksTheRecord(int width)
    {
        _model.ToolCall("call_1", "Reports-aging", new JsonObject());
        _model.Text("Garcia, Maria owes the most past due: Maria Garcia has {aging_cust_41_over_90} in the {aging_col_over_90} bucket.");
        var (dana, violations) = await AskAsync(width, "who owes us the most past 60 days?");

        var answer = dana.Locator("section[aria-labelledby=ask-answer]");
        await Assertions.Expect(answer.Locator("p.narrative")).ToHaveTextAsync("Garcia, Maria owes the most past due: Maria Garcia has $3,875.00 in the over 90 bucket.");
        var record = answer.Locator("a", new() { HasText = "aging: Garcia, Maria" });
        Assert.Equal("/t/acme/reports/aging/cust-41?asOf=2026-11-15", await record.GetAttributeAsync("href"));
        await CheckPageAsync(dana, width, violations, $"ask-model-{width}.png");

        await record.ClickAsync();
        await Assertions.Expect(dana.Locator("h1")).ToContainTextAsync("A/R aging for acme as of Nov 15, 2026");
    }

    [Fact]
    public async Task AskBox_ModelFails_ShowsTheOfflineAnswerWithTheReportsLinked()
    {
        _model.Status(500);
        var (dana, violations) = await AskAsync(1280, "who owes us the most past 60 days?");

        var answer = dana.Locator("section[aria-labelledby=ask-answer]");
        await Assertions.Expect(answer.Locator("p.narrative")).ToContainTextAsync("The model gave no answer the back office could use (model endpoint answered 500)");
        Assert.Equal("/t/acme/reports/aging?asOf=2026-11-15", await answer.Locator("a", new() { HasText = "aging" }).First.GetAttributeAsync("href"));
        await CheckPageAsync(dana, 1280, violations, "ask-offline-1280.png");
    }

    /// <summary>Signs dana in, asks on the dashboard, and collects what the browser reports as a CSP violation.</summary>
    private async Task<(IPage Page, List<string> Violations)> AskAsync(int width, string question)
    {
        var dana = await _session.SignInAsync("dana", width, ColorScheme.Light);
        var violations = new List<string>();
        dana.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await dana.GotoAsync($"{_session.Base}/t/acme/dashboard");
        await dana.FillAsync("#ask-question", question);
        await dana.ClickAsync("form[action='/t/acme/ask'] button");
        await Assertions.Expect(dana.Locator("h1")).ToHaveTextAsync("Dashboard");
        return (dana, violations);
    }

    private async Task CheckPageAsync(IPage page, int width, List<string> violations, string shot)
    {
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Empty(violations);
        Assert.Empty(await page.EvaluateAsync<string[]>(PageChecks.Unlabelled));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the answer at {width} px overflows sideways by {overflow} px");
        await _session.ShotAsync(page, shot, output);
    }
}
