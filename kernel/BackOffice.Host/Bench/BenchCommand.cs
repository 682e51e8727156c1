using System.CommandLine;
using BackOffice.Host.Cli;
using BackOffice.Store.Bench;

namespace BackOffice.Host.Bench;

/// <summary>
/// `backoffice bench [--jobs 10,100,1000] [--runs 3] [--lines-per-job 2000] [--changed 1000] [--work DIR]` (issue 18):
/// prints the scale figures with medians, peak memory, the load average and the ratios to the bare floors. Not a test:
/// it takes minutes to hours. `bench bare ...` are the floors, each run in its own process by the bench.
/// </summary>
public static class BenchCommand
{
    public static Command Build()
    {
        var jobs = new Option<string>("--jobs") { Description = "Sizes to generate, comma-separated", DefaultValueFactory = _ => "10,100,1000" };
        var runs = new Option<int>("--runs") { Description = "Runs per figure (the median is printed)", DefaultValueFactory = _ => 3 };
        var lines = new Option<int>("--lines-per-job") { Description = "Ledger bill lines per job", DefaultValueFactory = _ => 2000 };
        var changed = new Option<int>("--changed") { Description = "Bill lines changed before the re-import", DefaultValueFactory = _ => 1000 };
        var work = new Option<string?>("--work") { Description = "Folder for bundles and data (default: a new temporary folder, removed after)" };
        var command = new Command("bench", "Measure import, sweeps and their floors on generated tenants (issue 18); prints medians, peak memory, load and ratios")
        {
            jobs, runs, lines, changed, work, BuildBare(), ApiBenchCommand.Build(),
        };
        command.SetAction(CliAction.Run(async (cli, cancellationToken) =>
        {
            var folder = cli.Parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "backoffice-bench-" + Guid.NewGuid().ToString("N"));
            var sizes = cli.Parse.GetValue(jobs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, out var n) && n > 0 ? n : throw new CliException($"--jobs: '{s}' is not a positive number")).ToList();
            var plan = new BenchPlan(sizes, Math.Max(1, cli.Parse.GetValue(runs)), cli.Parse.GetValue(lines), cli.Parse.GetValue(changed),
                Path.GetFullPath(folder), new DateOnly(2026, 11, 27));
            Directory.CreateDirectory(plan.Work);
            var rows = await new BenchRunner(plan, cli.Progress).RunAsync(cancellationToken);
            cli.Output.Table(rows, ["jobs", "figure", "median_s", "runs_s", "peak_mb", "load", "ratio"],
                $"Medians of {plan.Runs} run(s), {plan.LinesPerJob} bill lines per job, {plan.ChangedRows} changed; load = 1-minute load average at the median run's start");
            if (cli.Parse.GetValue(work) is null)
            {
                Directory.Delete(plan.Work, recursive: true);
            }

            return 0;
        }));
        return command;
    }

    private static Command BuildBare()
    {
        var tenant = new Option<string?>("--tenant") { Description = "Tenant" };
        var bundle = new Option<string>("--bundle") { Description = "Bundle folder", Required = true };
        var database = new Option<string>("--db") { Description = "New database file", Required = true };
        var read = new Command("read", "Read every row of the tenant's database") { tenant };
        read.SetAction(CliAction.Run(async (cli, ct) => Print(cli, await BareWork.ReadTenantAsync(cli.Tenant(await cli.TenantAsync(tenant, ct)), ct))));
        var insert = new Command("insert", "Insert the bundle's rows as text into a new database") { bundle, database };
        insert.SetAction(CliAction.Run(async (cli, ct) => Print(cli, await BareWork.InsertBundleAsync(cli.Parse.GetValue(bundle)!, cli.Parse.GetValue(database)!, ct))));
        var files = new Command("files", "Read and split the bundle's files") { bundle };
        files.SetAction(CliAction.Run(async (cli, ct) => Print(cli, await BareWork.ReadBundleAsync(cli.Parse.GetValue(bundle)!, ct))));
        return new Command("bare", "The floors the bench divides by") { read, insert, files };
    }

    private static int Print(CliContext cli, long rows)
    {
        cli.Output.Line($"{rows} rows");
        return 0;
    }
}
