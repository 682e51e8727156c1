using System.CommandLine;
using BackOffice.Host.Cli;
using BackOffice.Store.Bench;
using BackOffice.Store.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Host.Bench;

/// <summary>
/// `backoffice bench [--provider sqlite|postgres] [--jobs 10,100,1000] [--runs 3] [--lines-per-job 2000] [--changed 1000] [--work DIR]`
/// (issue 18): prints the scale figures with medians, peak memory, the load average and the ratios to the bare floors.
/// Not a test: it takes minutes to hours. `bench bare ...` are the floors, each run in its own process by the bench.
/// On PostgreSQL every run gets a throwaway database on the server the host's Store settings name.
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
        var provider = new Option<string?>("--provider") { Description = "Engine to measure: sqlite or postgres (default: Store:Provider)" };
        var command = new Command("bench", "Measure import, sweeps and their floors on generated tenants (issue 18); prints medians, peak memory, load and ratios")
        {
            jobs, runs, lines, changed, work, provider, BuildBare(), ApiBenchCommand.Build(),
        };
        command.SetAction(CliAction.Run(async (cli, cancellationToken) =>
        {
            var folder = cli.Parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "backoffice-bench-" + Guid.NewGuid().ToString("N"));
            var sizes = cli.Parse.GetValue(jobs)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, out var n) && n > 0 ? n : throw new CliException($"--jobs: '{s}' is not a positive number")).ToList();
            var store = await EngineAsync(cli, cli.Parse.GetValue(provider), cancellationToken);
            var plan = new BenchPlan(sizes, Math.Max(1, cli.Parse.GetValue(runs)), cli.Parse.GetValue(lines), cli.Parse.GetValue(changed),
                Path.GetFullPath(folder), new DateOnly(2026, 11, 27), store);
            Directory.CreateDirectory(plan.Work);
            var rows = await new BenchRunner(plan, cli.Progress).RunAsync(cancellationToken);
            cli.Output.Table(rows, ["jobs", "figure", "median_s", "runs_s", "peak_mb", "load", "ratio"],
                $"{store.Provider}: medians of {plan.Runs} run(s), {plan.LinesPerJob} bill lines per job, {plan.ChangedRows} changed; load = 1-minute load average at the median run's start");
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
        var database = new Option<string?>("--db") { Description = "New database file (SQLite; on PostgreSQL a schema bare of the owner's database)" };
        var read = new Command("read", "Read every row of the tenant's database") { tenant };
        read.SetAction(CliAction.Run(async (cli, ct) => Print(cli, await BareWork.ReadTenantAsync(cli.Tenant(await cli.TenantAsync(tenant, ct)), ct))));
        var insert = new Command("insert", "Insert the bundle's rows as text into a new database") { bundle, database };
        insert.SetAction(CliAction.Run(async (cli, ct) => Print(cli, await BareInsertAsync(cli, cli.Parse.GetValue(bundle)!, cli.Parse.GetValue(database), ct))));
        var files = new Command("files", "Read and split the bundle's files") { bundle };
        files.SetAction(CliAction.Run(async (cli, ct) => Print(cli, await BareWork.ReadBundleAsync(cli.Parse.GetValue(bundle)!, ct))));
        return new Command("bare", "The floors the bench divides by") { read, insert, files };
    }

    /// <summary>The configured store, or the one --provider names; PostgreSQL is probed before anything is generated.</summary>
    private static async Task<StoreOptions> EngineAsync(CliContext cli, string? provider, CancellationToken cancellationToken)
    {
        var store = StoreSettings(cli);
        store.Provider = provider ?? store.Provider;
        try
        {
            store.Validate();
            if (store.Provider == StoreOptions.Postgres)
            {
                await BenchDatabase.ProbeAsync(store, cancellationToken);
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message, 2);
        }
        catch (BenchDatabaseException ex)
        {
            throw new CliException(ex.Message, 1);
        }

        return store;
    }

    private static Task<long> BareInsertAsync(CliContext cli, string bundle, string? database, CancellationToken cancellationToken)
    {
        var store = StoreSettings(cli);
        return store.Provider == StoreOptions.Postgres
            ? BareWork.InsertBundlePostgresAsync(bundle, store.PostgresOwnerConnectionString!, cancellationToken)
            : BareWork.InsertBundleAsync(bundle, database ?? throw new CliException("--db: a new database file is required on SQLite", 2), cancellationToken);
    }

    private static StoreOptions StoreSettings(CliContext cli) =>
        cli.Services.GetRequiredService<IConfiguration>().GetSection(StoreOptions.SectionName).Get<StoreOptions>() ?? new StoreOptions();

    private static int Print(CliContext cli, long rows)
    {
        cli.Output.Line($"{rows} rows");
        return 0;
    }
}
