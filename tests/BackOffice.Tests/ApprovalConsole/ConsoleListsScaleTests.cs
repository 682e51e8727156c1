using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Findings;
using BackOffice.Store.Proposals;
using BackOffice.Store.Tenancy;
using BackOffice.Store.Bundle;
using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Api;
using BackOffice.Tests.Support;
using Xunit.Abstractions;

namespace BackOffice.Tests.ApprovalConsole;

/// <summary>
/// Issue 17: the inbox, open findings and audit log of a generated 200-job tenant (10 ledger lines a job, every agent
/// swept, each list filled to 300 rows with copies of what the sweep wrote) page in SQL, so the first page and the one its "Next" link opens each stay under 500 KB; the sizes are
/// printed (dotnet test --filter ConsoleListsScaleTests --logger "console;verbosity=detailed"). The jobs page draws
/// charts of at most 15 jobs and the first 10 rows, whatever the tenant's size.
/// </summary>
public sealed partial class ConsoleListsScaleTests(ConsoleListsScaleTests.Tenant tenant, ITestOutputHelper output) : IClassFixture<ConsoleListsScaleTests.Tenant>
{
    private const int MaxPageBytes = 500 * 1024;

    /// <summary>Rows each list holds: six pages of 50.</summary>
    private const int Rows = 300;

    public sealed class Tenant : IAsyncLifetime
    {
        public ConsoleFactory Factory { get; } = new();

        public HttpClient Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Browser = Factory.Browser();
            Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.PostLoginAsync(Browser, "bea", ConsoleFactory.Password)).StatusCode);
            var bundle = BundleGenerator.Write(Path.Combine(Factory.Root, "bundle-200"), new GeneratorOptions(200, 1, 10));
            await new BundleImporter(new ManualClock()).ImportAsync(bundle.Directory, Factory.TenantPath("beta"), "test", null, CancellationToken.None);
            var runner = Factory.Get<SweepRunner>();
            foreach (var agent in runner.Agents)
            {
                await runner.RunAsync("beta", agent.Name, new DateOnly(2026, 11, 20), "test", 1, new Progress<string>(), CancellationToken.None);
            }

            await CopyUntilAsync(Factory.TenantPath("beta"), Rows);
        }

        /// <summary>
        /// The sweep of 10 lines a job leaves a few dozen rows; the lists are filled to <paramref name="rows"/> each with
        /// copies of the swept proposals, findings and audit events (same text and payloads, new keys), so every row is one
        /// a real sweep wrote and a page is as heavy as a busy tenant's.
        /// </summary>
        private static async Task CopyUntilAsync(TenantData tenant, int rows)
        {
            var ct = CancellationToken.None;
            await using var unit = await tenant.WriteAsync(ct);
            var proposals = await ProposalStore.ListAsync(unit, new ProposalFilter(), ct);
            for (var i = proposals.Count; i < rows; i++)
            {
                var p = proposals[i % proposals.Count];
                await ProposalStore.InsertAsync(unit, new NewProposal(p.Agent, p.ActionKind, p.Title, p.Risk, $"copy-{i}", p.PayloadJson, p.FiguresJson,
                    p.Narrative, p.EditableFieldsJson, p.Reversible != 0, p.IrreversibleReason, null, p.ProposedBy, p.ProposedAt), ct);
            }

            var findings = await FindingStore.ListOpenAsync(tenant, null, ct);
            foreach (var agent in findings.Select(f => f.Agent).Distinct())
            {
                var mine = findings.Where(f => f.Agent == agent).ToList();
                var copies = Enumerable.Range(0, rows).Select(i => mine[i % mine.Count])
                    .Select((f, i) => new FindingStore.Upsert(i < mine.Count ? f.Id : $"{f.Id}:copy-{i}", f.Agent, f.Check, f.Severity, f.Title, f.FiguresJson, f.Narrative));
                await new FindingStore(TimeProvider.System).ReplaceForAgentAsync(unit, agent, copies.Take(rows / 3).ToList(), ct);
            }

            var events = await AuditStore.ReadAllAsync(unit, ct);
            var audit = new AuditStore(TimeProvider.System);
            for (var i = events.Count; i < rows; i++)
            {
                var e = events[i % events.Count];
                await audit.AppendAsync(unit, e.Actor, e.Kind, e.Subject, (JsonObject)JsonNode.Parse(e.DataJson)!, ct);
            }

            await unit.CommitAsync(ct);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("inbox?all=1")]
    [InlineData("findings?all=1")]
    [InlineData("audit?all=1")]
    [InlineData("findings?all=1&sort=title&dir=desc")]
    public async Task Page_TwoHundredJobTenant_FirstAndNextUnderFiveHundredKilobytes(string list)
    {
        var first = await tenant.Browser.GetByteArrayAsync($"/t/beta/{list}");
        var html = Encoding.UTF8.GetString(first);
        var next = NextLink().Match(html);
        var second = next.Success ? await tenant.Browser.GetByteArrayAsync(WebUtility.HtmlDecode(next.Groups[1].Value)) : [];

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{list}: {Shown().Match(html).Value}; first page {first.Length:N0} bytes, second {second.Length:N0} bytes"));
        Assert.True(next.Success, $"{list}: the first page links the next ({Shown().Match(html).Value})");
        Assert.InRange(first.Length, 1, MaxPageBytes);
        Assert.InRange(second.Length, 1, MaxPageBytes);
        Assert.Contains("Showing 51–", Encoding.UTF8.GetString(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsPage_TwoHundredJobTenant_UnderFiveHundredKilobytes()
    {
        var page = await tenant.Browser.GetByteArrayAsync("/t/beta/jobs?asOf=2026-11-20");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jobs: {page.Length:N0} bytes"));
        Assert.InRange(page.Length, 1, MaxPageBytes);
    }

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">Next</a>")]
    private static partial Regex NextLink();

    [GeneratedRegex("Showing [^<]+")]
    private static partial Regex Shown();
}
