using BackOffice.Store.Bundle.Generator;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Financial;

/// <summary>`backoffice generate` (issue 3): deterministic per seed, sized as asked, refuses what it cannot plant.</summary>
public sealed class BundleGeneratorTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Write_SameSeed_IdenticalFiles()
    {
        var a = BundleGenerator.Write(Path.Combine(_temp.Root, "a"), new GeneratorOptions(11, 42, 30));
        var b = BundleGenerator.Write(Path.Combine(_temp.Root, "b"), new GeneratorOptions(11, 42, 30));
        var c = BundleGenerator.Write(Path.Combine(_temp.Root, "c"), new GeneratorOptions(11, 43, 30));

        var filesA = Snapshot(a.Directory);
        Assert.Equal(filesA, Snapshot(b.Directory));
        Assert.NotEqual(filesA["ledger/bill-lines.csv"], Snapshot(c.Directory)["ledger/bill-lines.csv"]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 7, 21)]
    [InlineData(2, 2000, 4000)]
    public void Write_LinesPerJob_WritesThatManyBillLines(int jobs, int linesPerJob, long expected)
    {
        var bundle = BundleGenerator.Write(Path.Combine(_temp.Root, "g"), new GeneratorOptions(jobs, 5, linesPerJob, Clean: true));

        Assert.Equal(expected, bundle.LedgerLines);
        Assert.Equal(expected + 1, File.ReadLines(Path.Combine(bundle.Directory, "ledger", "bill-lines.csv")).Count());
    }

    [Fact]
    public void Write_TooFewJobsToPlant_Refuses() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BundleGenerator.Write(Path.Combine(_temp.Root, "x"), new GeneratorOptions(9, 1, 10)));

    [Fact]
    public async Task Cli_Generate_WritesBundleThatImports()
    {
        var cli = new CliRunner(_temp.Root);
        var dir = Path.Combine(_temp.Root, "cli-bundle");

        var generated = await cli.OkAsync("generate", "--out", dir, "--jobs", "10", "--seed", "9", "--lines-per-job", "8", "--json");
        await cli.OkAsync("tenant", "create", "gen");
        await cli.OkAsync("import", "--tenant", "gen", dir);

        Assert.Equal(13, generated.Json["planted"]!.AsArray().Count);
        Assert.True(File.Exists(Path.Combine(dir, "bundle.json")));
        var again = await cli.RunAsync("generate", "--out", dir, "--jobs", "10", "--seed", "9");
        Assert.Equal(2, again.ExitCode);
    }

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
}
