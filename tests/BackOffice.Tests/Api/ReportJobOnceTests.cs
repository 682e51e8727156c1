using System.Net;
using System.Text.Json.Nodes;
using BackOffice.Agents.Books;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Tests.Api;

/// <summary>
/// Issue 17: the reports API resolved a job twice, once in the route (to refuse an unknown one) and again in the report.
/// Now the route passes the job it resolved in <see cref="ReportRequest.ResolvedJob"/> and the report uses it; an
/// unknown job is one error naming it, and the report never runs.
/// </summary>
public sealed class ReportJobOnceTests : IDisposable
{
    private readonly ProbeReport _probe = new();
    private readonly ConsoleFactory _factory;

    public ReportJobOnceTests() => _factory = new ConsoleFactory(_probe);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Report_JobGiven_TheRoutesResolvedJobReachesTheReport()
    {
        using var api = await _factory.ApiAsync("dana");

        var response = await api.GetAsync("/api/tenants/acme/reports/probe?asOf=2026-11-20&job=2026-014");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_probe.Requests);
        Assert.NotNull(request.ResolvedJob);
        Assert.Equal("2026-014", request.ResolvedJob.Number);
        Assert.Same(request.ResolvedJob, _probe.Used[0]);
    }

    [Fact]
    public async Task Report_UnknownJob_OneErrorNamingIt_ReportNeverRuns()
    {
        using var api = await _factory.ApiAsync("dana");

        var response = await api.GetAsync("/api/tenants/acme/reports/probe?asOf=2026-11-20&job=2026-999");

        // A job given as a query parameter is bad input (README: 400 from the API, exit 2 in the CLI), not a missing route.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadAsStringAsync());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(problem, "There is no job '2026-999'"));
        Assert.Empty(_probe.Requests);
    }

    /// <summary>A report that records the requests it gets and the job it resolves through <see cref="ReportJobs"/>.</summary>
    private sealed class ProbeReport : IReport
    {
        public List<ReportRequest> Requests { get; } = [];

        public List<ReportJob?> Used { get; } = [];

        public string Name => "probe";

        public string Description => "records its requests (test)";

        public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Used.Add(await ReportJobs.ForAsync(request, cancellationToken));
            return new ReportTable("Probe", ["id"], [new JsonObject { ["id"] = "1" }]);
        }
    }
}
