using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Store.Bench;
using BackOffice.Store.Tenancy;

namespace BackOffice.Host.Bench;

/// <summary>What the bench measures, how often, where it works, and on which engine (<paramref name="Store"/>: the host's settings).</summary>
public sealed record BenchPlan(IReadOnlyList<int> Sizes, int Runs, int LinesPerJob, int ChangedRows, string Work, DateOnly AsOf, StoreOptions Store);

/// <summary>
/// The issue 18 benchmark: per size, a fresh tenant per run is imported, swept, swept again unchanged, re-imported with
/// changed bill lines and swept again; the floors (bare read of the tenant, bare insert of the bundle, bare read of the
/// changed files) run in the same loop, so each ratio divides figures taken under the same load. Medians of the runs.
/// </summary>
public sealed class BenchRunner(BenchPlan plan, IProgress<string> progress)
{
    private static readonly string[] Figures =
        ["import", "bare insert", "full sweep", "unchanged re-sweep", "bare read", "re-import changed", "bare read of files", "sweep after changes"];

    public async Task<List<JsonObject>> RunAsync(CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        foreach (var jobs in plan.Sizes)
        {
            progress.Report($"bench: generating {jobs} jobs");
            var bundle = BenchBundles.Generate(plan.Work, jobs, plan.LinesPerJob);
            var changed = BenchBundles.WithChangedLines(bundle, plan.ChangedRows);
            var samples = Figures.ToDictionary(f => f, _ => new List<BenchSample>());
            for (var run = 1; run <= plan.Runs; run++)
            {
                await RunOnceAsync(jobs, run, bundle, changed, samples, cancellationToken);
            }

            rows.AddRange(Rows(jobs, samples));
        }

        return rows;
    }

    private async Task RunOnceAsync(int jobs, int run, string bundle, string changed, Dictionary<string, List<BenchSample>> samples, CancellationToken cancellationToken)
    {
        var data = Path.Combine(plan.Work, $"data-{jobs}-{run}");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        // Issue 18: on PostgreSQL each run gets its own database, as on SQLite its own folder; dropped when the run ends.
        await using var database = plan.Store.Provider == StoreOptions.Postgres
            ? await BenchDatabase.CreateAsync(plan.Store, $"bench_{jobs}_{run}_{Guid.NewGuid():N}"[..32], cancellationToken)
            : null;
        var environment = ChildEnvironment(database);
        var tenant = $"bench{jobs}";
        var asOf = plan.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string[] sweep = ["sweep", "--tenant", tenant, "--as-of", asOf];
        await BenchProcess.RunAsync(data, ["tenant", "create", tenant], environment, cancellationToken);
        async Task Measure(string figure, string[] arguments)
        {
            progress.Report($"bench: {jobs} jobs, run {run}: {figure}");
            samples[figure].Add(await BenchProcess.RunAsync(data, arguments, environment, cancellationToken));
        }

        await Measure("import", ["import", "--tenant", tenant, bundle]);
        // On PostgreSQL the bare insert goes to schema bare of the run's database, named by the child's settings.
        await Measure("bare insert", database is null
            ? ["bench", "bare", "insert", "--bundle", bundle, "--db", Path.Combine(data, "bare.db")]
            : ["bench", "bare", "insert", "--bundle", bundle]);
        await Measure("full sweep", [.. sweep, "--full"]);
        await Measure("unchanged re-sweep", sweep);
        await Measure("bare read", ["bench", "bare", "read", "--tenant", tenant]);
        await Measure("re-import changed", ["import", "--tenant", tenant, changed]);
        await Measure("bare read of files", ["bench", "bare", "files", "--bundle", changed]);
        await Measure("sweep after changes", sweep);
    }

    /// <summary>The store settings every measured command runs with: the chosen engine, and on PostgreSQL the run's database.</summary>
    private static Dictionary<string, string> ChildEnvironment(BenchDatabase? database) =>
        database is null
            ? new() { ["BACKOFFICE_Store__Provider"] = StoreOptions.Sqlite }
            : new()
            {
                ["BACKOFFICE_Store__Provider"] = StoreOptions.Postgres,
                ["BACKOFFICE_Store__PostgresConnectionString"] = database.Options.PostgresConnectionString!,
                ["BACKOFFICE_Store__PostgresOwnerConnectionString"] = database.Options.PostgresOwnerConnectionString!,
            };

    private static IEnumerable<JsonObject> Rows(int jobs, Dictionary<string, List<BenchSample>> samples)
    {
        double Median(string figure) => MedianOf(samples[figure]).Seconds;
        var ratios = new Dictionary<string, (string Floor, double Ratio)>
        {
            ["import"] = ("bare insert", Median("import") / Median("bare insert")),
            ["full sweep"] = ("bare read", Median("full sweep") / Median("bare read")),
            ["unchanged re-sweep"] = ("bare read", Median("unchanged re-sweep") / Median("bare read")),
            ["re-import changed"] = ("bare read of files", Median("re-import changed") / Median("bare read of files")),
            ["sweep after changes"] = ("bare read", Median("sweep after changes") / Median("bare read")),
        };
        foreach (var figure in Figures)
        {
            var median = MedianOf(samples[figure]);
            yield return new JsonObject
            {
                ["id"] = $"{jobs}/{figure}",
                ["jobs"] = jobs,
                ["figure"] = figure,
                ["median_s"] = Math.Round(median.Seconds, 2),
                ["runs_s"] = string.Join(" ", samples[figure].Select(s => s.Seconds.ToString("0.00", CultureInfo.InvariantCulture))),
                ["peak_mb"] = Math.Round(samples[figure].Max(s => s.PeakMegabytes)),
                ["load"] = median.Load,
                ["ratio"] = ratios.TryGetValue(figure, out var r) ? $"{r.Ratio:0.0}x {r.Floor}" : "",
            };
        }
    }

    private static BenchSample MedianOf(List<BenchSample> samples) => samples.OrderBy(s => s.Seconds).ElementAt(samples.Count / 2);
}
