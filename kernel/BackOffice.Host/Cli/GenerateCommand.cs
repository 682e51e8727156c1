using System.CommandLine;
using System.Text.Json.Nodes;
using BackOffice.Store.Bundle.Generator;

namespace BackOffice.Host.Cli;

/// <summary>
/// `backoffice generate --out DIR --jobs N --seed S [--lines-per-job L] [--clean]` (issue 3): writes an importable
/// bundle of N jobs with planted.json, the discrepancies planted (none with --clean). The same seed gives the same files.
/// </summary>
public static class GenerateCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the bundle into (empty or missing)", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Number of jobs", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for names, amounts and dates (same seed, same bundle)", DefaultValueFactory = _ => 1 };
        var lines = new Option<int>("--lines-per-job")
        {
            Description = "Ledger bill lines per job", DefaultValueFactory = _ => GeneratorOptions.DefaultLinesPerJob,
        };
        var clean = new Option<bool>("--clean") { Description = "Plant no discrepancies: the reconciliation worklist must come out empty" };
        var command = new Command("generate", "Write a generated bundle of N jobs with planted drift and its manifest (planted.json)")
        {
            output, jobs, seed, lines, clean,
        };
        command.SetAction(CliAction.Run((cli, _) =>
        {
            var options = new GeneratorOptions(cli.Parse.GetValue(jobs), cli.Parse.GetValue(seed), cli.Parse.GetValue(lines), cli.Parse.GetValue(clean));
            GeneratedBundle bundle;
            try
            {
                bundle = BundleGenerator.Write(Path.GetFullPath(cli.Parse.GetValue(output)!), options);
            }
            catch (IOException ex)
            {
                throw new CliException(ex.Message);
            }

            Print(cli, bundle);
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void Print(CliContext cli, GeneratedBundle bundle)
    {
        var rows = bundle.Planted.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new JsonObject { ["id"] = p.Key, ["category"] = p.Category, ["job_id"] = p.JobId }).ToList();
        if (cli.Json)
        {
            cli.Output.WriteJson(new JsonObject
            {
                ["id"] = bundle.Directory, ["files"] = bundle.Files.Count, ["ledger_lines"] = bundle.LedgerLines,
                ["planted"] = new JsonArray([.. rows]),
            });
            return;
        }

        cli.Output.Table(rows, ["id", "category", "job_id"],
            $"Wrote {bundle.Files.Count} files with {bundle.LedgerLines} ledger bill lines to {bundle.Directory}; {bundle.Planted.Count} planted discrepancies (planted.json)");
    }
}
