using System.Text.Json.Nodes;
using BackOffice.Domain.Ledger;
using BackOffice.Store.Financial;
using BackOffice.Store.Ledger;
using BackOffice.Store.Sandbox;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Sweeps;

/// <summary>
/// Issue 18: `sweep` is incremental. An agent whose inputs (the change journal, the gate-side tables, the audit
/// events that change inputs, the tenant's files) and as-of date are those of its last sweep is not run again; any
/// change to one of them, or `--full`, runs it.
/// </summary>
public sealed class IncrementalSweepTests : IDisposable
{
    private const string AsOf = "2026-11-20";
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public IncrementalSweepTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<string> DemoAsync()
    {
        var bundle = Path.Combine(_temp.Root, "bundle");
        CopyFolder(RepoPaths.DemoBundle, bundle);
        await _cli.OkAsync("tenant", "create", "demo");
        await _cli.OkAsync("import", "--tenant", "demo", bundle);
        return bundle;
    }

    /// <summary>Which agents the sweep left unchanged, by name.</summary>
    private async Task<IReadOnlyList<string>> UnchangedAgentsAsync(params string[] extra)
    {
        var result = await _cli.OkAsync(["sweep", "--tenant", "demo", "--as-of", AsOf, "--json", .. extra]);
        return result.Json.AsArray().Where(o => o!["unchanged"]!.GetValue<bool>()).Select(o => o!["agent"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Sweep_UnchangedBooksSameAsOf_EveryAgentStopsWithItsFindingsStanding()
    {
        await DemoAsync();
        var first = (await _cli.OkAsync("sweep", "--tenant", "demo", "--as-of", AsOf, "--json")).Json.AsArray();

        var second = (await _cli.OkAsync("sweep", "--tenant", "demo", "--as-of", AsOf, "--json")).Json.AsArray();

        Assert.All(first, o => Assert.False(o!["unchanged"]!.GetValue<bool>()));
        Assert.All(second, o => Assert.True(o!["unchanged"]!.GetValue<bool>()));
        Assert.Equal(first.Select(FindingKeys), second.Select(FindingKeys));
        Assert.All(second, o => Assert.Equal(0, o!["proposalsCreated"]!.GetValue<int>()));
    }

    private static string FindingKeys(JsonNode? outcome) =>
        string.Join(",", outcome!["findings"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Sweep_Full_RecomputesUnchangedBooks()
    {
        await DemoAsync();
        await UnchangedAgentsAsync();

        Assert.Empty(await UnchangedAgentsAsync("--full"));
        Assert.Equal(5, (await UnchangedAgentsAsync()).Count);
    }

    [Fact]
    public async Task Sweep_NewAsOfDate_RecomputesEveryAgent()
    {
        await DemoAsync();
        await UnchangedAgentsAsync();

        var result = await _cli.OkAsync("sweep", "--tenant", "demo", "--as-of", "2026-11-21", "--json");

        Assert.All(result.Json.AsArray(), o => Assert.False(o!["unchanged"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Sweep_ReimportOfTheSameBundle_EveryAgentStops()
    {
        var bundle = await DemoAsync();
        await UnchangedAgentsAsync();

        await _cli.OkAsync("import", "--tenant", "demo", bundle);

        // Nothing journaled: the import's own audit event no longer makes every agent recompute (issue 18).
        Assert.Equal(5, (await UnchangedAgentsAsync()).Count);
    }

    /// <summary>Only Financial reads bill lines: the other four keep their findings without running (issue 18).</summary>
    [Fact]
    public async Task Sweep_ReimportWithAChangedBillLine_OnlyFinancialRecomputes()
    {
        var bundle = await DemoAsync();
        await UnchangedAgentsAsync();
        EditBillLine(bundle, "amount", amount => (decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) + 1m)
            .ToString(System.Globalization.CultureInfo.InvariantCulture));

        await _cli.OkAsync("import", "--tenant", "demo", bundle);

        Assert.Equal(["collections", "documents", "pricebook", "workforce"], await UnchangedAgentsAsync());
    }

    /// <summary>No agent reads a bill line's description: the journal records the changed column and all five stop (issue 18).</summary>
    [Fact]
    public async Task Sweep_ReimportWithAChangedBillLineDescription_EveryAgentStops()
    {
        var bundle = await DemoAsync();
        await UnchangedAgentsAsync();
        EditBillLine(bundle, "description", _ => "Fittings second delivery");
        var journal = await _temp.Tenant("demo").Changes.LatestAsync(CancellationToken.None);

        await _cli.OkAsync("import", "--tenant", "demo", bundle);

        Assert.True(await _temp.Tenant("demo").Changes.LatestAsync(CancellationToken.None) > journal);
        Assert.Equal(5, (await UnchangedAgentsAsync()).Count);
    }

    [Fact]
    public async Task Sweep_FileAddedToTheInboxOutsideAnImport_Recomputes()
    {
        await DemoAsync();
        await UnchangedAgentsAsync();
        var inbox = _temp.Tenant("demo").FilesFolder("inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "dropped.txt"), "Invoice 77 from Rivera Plumbing, total 120.00");

        Assert.DoesNotContain("documents", await UnchangedAgentsAsync());
    }

    [Fact]
    public async Task Sweep_SandboxBillWrittenWithoutAnAuditEvent_RecomputesFromTheJournal()
    {
        await DemoAsync();
        await UnchangedAgentsAsync();
        var tenant = _temp.Tenant("demo");

        await new SandboxLedger(tenant.Clock).CreateBillAsync(tenant, new BillDraft("lv-57", new DateOnly(2026, 11, 10), null, "P-1", null,
            [new BillLineDraft("acct-5200", "cust-21", null, "Fittings", 250m)]), "journal-only-1", CancellationToken.None);

        Assert.DoesNotContain("financial", await UnchangedAgentsAsync());
    }

    [Fact]
    public async Task Sweep_GateSideTableWritten_Recomputes()
    {
        await DemoAsync();
        await UnchangedAgentsAsync();

        await _temp.Tenant("demo").FinancialNotes.AddOnceAsync(
            new FinancialNote("note-test", "C-1", "ledger", "a note", 1, "2026-11-20T00:00:00Z"), CancellationToken.None);

        Assert.DoesNotContain("financial", await UnchangedAgentsAsync());
    }

    [Fact]
    public async Task Sweep_ProposalRejected_RecomputesEveryAgent()
    {
        await _cli.OkAsync("demo");
        var sweep = new[] { "sweep", "--tenant", "demo", "--json" };
        Assert.All((await _cli.OkAsync(sweep)).Json.AsArray(), o => Assert.True(o!["unchanged"]!.GetValue<bool>()));
        var id = (await _cli.OkAsync("proposals", "list", "--tenant", "demo", "--agent", "financial", "--json")).Json.AsArray()[0]!["id"]!.ToString();

        await _cli.OkAsync("proposals", "reject", id, "--tenant", "demo", "--as", "dana", "--reason", "not now");

        Assert.All((await _cli.OkAsync(sweep)).Json.AsArray(), o => Assert.False(o!["unchanged"]!.GetValue<bool>()));
    }

    /// <summary>Changes <paramref name="column"/> of the first unquoted line of the bundle's bill-lines.csv.</summary>
    private static void EditBillLine(string bundle, string column, Func<string, string> change)
    {
        var file = Path.Combine(bundle, "ledger", "bill-lines.csv");
        var lines = File.ReadAllLines(file);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var row = Array.FindIndex(lines, 1, l => !l.Contains('"', StringComparison.Ordinal));
        var fields = lines[row].Split(',');
        fields[index] = change(fields[index]);
        lines[row] = string.Join(',', fields);
        File.WriteAllLines(file, lines);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
