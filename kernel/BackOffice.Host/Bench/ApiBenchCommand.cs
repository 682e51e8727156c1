using System.CommandLine;
using System.Globalization;
using System.Net;
using BackOffice.Host.Cli;

namespace BackOffice.Host.Bench;

/// <summary>
/// `backoffice bench api [--rate 500] [--seconds 30] [--jobs 1000] [--proposals 6000] [--work DIR]` (issues 18 and 19):
/// the approval API at load. Prepares a generated tenant (reused when --work already holds it), starts `serve` on
/// loopback as a child process, warms it up, then drives list, show and approve with API tokens at a fixed rate and
/// prints p50/p95/p99/max, errors and throughput per operation, the server's memory before and after and the load
/// average. Not a test: the figures depend on the machine and its load.
/// </summary>
/// <summary>How hard and how long the API bench drives the server.</summary>
public sealed record ApiLoadPlan(int Rate, int Seconds, int Warmup, string? Only);

public static class ApiBenchCommand
{
    public static Command Build()
    {
        var rate = new Option<int>("--rate") { Description = "Requests a second", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds measured (after a warm-up)", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds of warm-up at the same rate, not counted", DefaultValueFactory = _ => 5 };
        var jobs = new Option<int>("--jobs") { Description = "Jobs of the generated tenant", DefaultValueFactory = _ => 1000 };
        var lines = new Option<int>("--lines-per-job") { Description = "Ledger bill lines per job", DefaultValueFactory = _ => 2000 };
        var proposals = new Option<int>("--proposals") { Description = "Proposals the tenant holds (drafted bills top it up)", DefaultValueFactory = _ => 6000 };
        var only = new Option<string?>("--only") { Description = "Send only list, show or approve (default: 3 list, 5 show, 2 approve in 10)" };
        only.AcceptOnlyFromAmong(ApiLoad.Operations);
        var work = new Option<string?>("--work") { Description = "Folder for the bundle and data (kept; reused when it holds the tenant)" };
        var command = new Command("api", "Drive the approval API (list, show, approve) at a fixed rate against a generated tenant (issue 18)")
        {
            rate, seconds, warmup, jobs, lines, proposals, only, work,
        };
        command.SetAction(CliAction.Run(async (cli, ct) =>
        {
            Positive(cli.Parse.GetValue(rate), "--rate");
            Positive(cli.Parse.GetValue(seconds), "--seconds");
            var folder = Path.GetFullPath(cli.Parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "backoffice-bench-api"));
            Directory.CreateDirectory(folder);
            var target = await new ApiBenchTenant(folder, Positive(cli.Parse.GetValue(jobs), "--jobs"), cli.Parse.GetValue(lines),
                cli.Parse.GetValue(proposals), cli.Progress).PrepareAsync(ct);
            var plan = new ApiLoadPlan(cli.Parse.GetValue(rate), cli.Parse.GetValue(seconds), Math.Max(0, cli.Parse.GetValue(warmup)), cli.Parse.GetValue(only));
            await RunAsync(cli, target, plan, ct);
            return 0;
        }));
        return command;
    }

    private static async Task RunAsync(CliContext cli, ApiBenchTarget target, ApiLoadPlan plan, CancellationToken ct)
    {
        var (rate, seconds, warmup) = (plan.Rate, plan.Seconds, plan.Warmup);
        await using var server = await ApiBenchServer.StartAsync(target, ct);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var proposals = await ApiLoad.ReadAllAsync(client, target, ct);
        var load = new ApiLoad(client, target, proposals, plan.Only);
        cli.Progress.Report($"bench api: {proposals.Count} proposals ({proposals.Count(p => p.State == "proposed")} proposed); warming up {warmup} s");
        if (warmup > 0)
        {
            _ = await load.RunAsync(rate, warmup, ct);
        }

        var (before, loadBefore, cpuBefore) = (server.MemoryMegabytes(), BenchProcess.LoadAverage(), server.CpuSeconds());
        cli.Progress.Report($"bench api: {rate} requests a second for {seconds} s");
        var result = await load.RunAsync(rate, seconds, ct);
        var (after, loadAfter, cpu) = (server.MemoryMegabytes(), BenchProcess.LoadAverage(), server.CpuSeconds() - cpuBefore);
        cli.Output.Table(result.Rows().ToList(), ["operation", "requests", "errors", "p50_ms", "p95_ms", "p99_ms", "max_ms", "ok_per_s"],
            string.Create(CultureInfo.InvariantCulture,
                $"{target.Tenant}: {proposals.Count} proposals, {rate} requests/s for {seconds} s (sent in {result.Seconds:F1} s, {result.Late} sent >50 ms late)"));
        cli.Output.Line(string.Create(CultureInfo.InvariantCulture,
            $"server memory: {before.Resident:F0} MB resident before, {after.Resident:F0} MB after (peak {after.Peak:F0} MB); load average {loadBefore:F2} before, {loadAfter:F2} after; {Environment.ProcessorCount} cores"));
        cli.Output.Line(string.Create(CultureInfo.InvariantCulture,
            $"server CPU: {cpu:F1} s for {result.Outcomes.Count} requests, {cpu * 1000 / result.Outcomes.Count:F2} ms a request (what {Environment.ProcessorCount} idle cores would allow: about {Environment.ProcessorCount * result.Outcomes.Count / Math.Max(cpu, 0.01):F0} requests/s)"));
        foreach (var kind in result.ErrorKinds().Take(10))
        {
            cli.Output.Line("error: " + kind);
        }
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliException($"{option}: {value} is not a positive number");
}
