using BackOffice.Domain.Project;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Domain;

/// <summary>Issue 17: one job identifier for every report (the demo's three jobs, samples/demo/project/jobs.csv).</summary>
public sealed class JobIdentifierTests
{
    private static readonly ProjectJob[] DemoJobs =
    [
        new("job-101", "2026-101", "Smith Residence - Kitchen", "active", null),
        new("job-102", "2026-102", "Harbor Point Office TI - Suite 300", "active", null),
        new("job-103", "2026-103", "Lakeview Custom Home", "active", null),
    ];

    [Theory]
    [InlineData("job-101", "job-101")]
    [InlineData("JOB-102", "job-102")]
    [InlineData("2026-103", "job-103")]
    [InlineData("smith residence - kitchen", "job-101")]
    [InlineData("smith", "job-101")]
    [InlineData("Harbor", "job-102")]
    [InlineData("2026-10", null)] // a prefix of all three numbers
    [InlineData("2026-1011", null)]
    [InlineData("", null)]
    [InlineData("Kitchen", null)] // inside a name, not its start
    public void Resolve_DemoJobs_FindsTheOneJobOrNone(string given, string? expected) =>
        Assert.Equal(expected, JobIdentifier.Resolve(DemoJobs, given)?.Id);

    [Theory]
    [InlineData("2026-101")]
    [InlineData("smith")]
    [InlineData("JOB-101")]
    public async Task ReportWip_AnyIdentifierOfSmith_ShowsSmithsRow(string job)
    {
        using var temp = new TempDataDirectory();
        var cli = new CliRunner(temp.Root);
        await cli.OkAsync("demo");

        var rows = (await cli.OkAsync("report", "wip", "--tenant", "demo", "--job", job, "--json")).Json.AsArray();

        Assert.Equal("job-101", (string?)Assert.Single(rows)!["id"]);
    }

    [Fact]
    public async Task ReportWip_AmbiguousPrefix_IsAnErrorNamingIt()
    {
        using var temp = new TempDataDirectory();
        var cli = new CliRunner(temp.Root);
        await cli.OkAsync("demo");

        var result = await cli.RunAsync("report", "wip", "--tenant", "demo", "--job", "2026-10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'2026-10'", result.Error, StringComparison.Ordinal);
    }
}
