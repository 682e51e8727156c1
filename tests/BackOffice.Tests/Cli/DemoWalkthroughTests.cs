using System.Text.Json.Nodes;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Cli;

/// <summary>The README's walkthrough, command by command, in process: issue 2's "one real path end to end".</summary>
public sealed class DemoWalkthroughTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public DemoWalkthroughTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private async Task<JsonArray> JsonListAsync(params string[] args) => (await _cli.OkAsync([.. args, "--json"])).Json.AsArray();

    [Fact]
    public async Task Demo_ApproveExecuteUndo_EveryStepHappensOnceAndIsAudited()
    {
        await _cli.OkAsync("demo");
        // Other agents add their own proposals to the demo; this path follows the Financial agent's drafted bills.
        var proposals = await JsonListAsync("proposals", "list", "--agent", "financial");
        Assert.Equal(2, proposals.Count(p => (string?)p!["actionKind"] == CreateBillPayload.Kind));
        var rivera = proposals.Single(p => ((string)p!["title"]!).Contains("RP-2315", StringComparison.Ordinal))!;
        var id = ((long)rivera["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(1, (await _cli.RunAsync("proposals", "approve", id, "--as", "alex")).ExitCode);
        await _cli.OkAsync("proposals", "approve", id, "--as", "dana");
        var refused = await _cli.RunAsync("proposals", "execute", id, "--as", "dana");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("master write switch", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, (await _cli.RunAsync("writes", "on", "--as", "dana")).ExitCode);
        await _cli.OkAsync("writes", "on", "--as", "sam");
        await _cli.OkAsync("agents", "set", "financial", "--writes", "on", "--as", "sam");
        await _cli.OkAsync("proposals", "execute", id, "--as", "dana");

        var sandbox = (await JsonListAsync("report", "ledger-bills")).Where(b => (string?)b!["origin"] == "sandbox").ToList();
        var bill = Assert.Single(sandbox)!;
        Assert.Equal(("RP-2315", "16560.00"), ((string?)bill["docNumber"], (string?)bill["total"]));

        // Running the demo again re-imports the same bundle and re-sweeps: nothing new, nothing duplicated.
        var again = (await _cli.OkAsync("demo", "--json")).Json;
        Assert.Equal(0, (int)again["imported"]!["added"]!);
        Assert.Equal(proposals.Count, (await JsonListAsync("proposals", "list", "--agent", "financial")).Count);
        Assert.Single(await JsonListAsync("report", "ledger-bills"), b => (string?)b!["origin"] == "sandbox");

        await _cli.OkAsync("proposals", "undo", id, "--as", "dana");
        Assert.DoesNotContain(await JsonListAsync("report", "ledger-bills"), b => (string?)b!["origin"] == "sandbox");
        Assert.Equal(1, (await _cli.RunAsync("proposals", "undo", id, "--as", "dana")).ExitCode);

        var kinds = (await JsonListAsync("audit", "list", "--subject", $"proposal:{id}")).Select(e => (string)e!["kind"]!).ToList();
        Assert.Equal(
            ["proposal.created", "proposal.approved", "proposal.execution-started", "proposal.executed", "proposal.undo-started", "proposal.undone"],
            kinds.Where(k => k != "gate.refused").ToList());
        Assert.Equal("gate.refused", kinds[1]);
        await _cli.OkAsync("audit", "verify");
    }

    [Fact]
    public async Task Edit_EditableField_ChangesThePayloadAndIsAudited()
    {
        await _cli.OkAsync("demo");
        var bill = (await JsonListAsync("proposals", "list", "--agent", "financial")).First(p => (string?)p!["actionKind"] == CreateBillPayload.Kind)!;
        var id = ((long)bill["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _cli.OkAsync("proposals", "edit", id, "--set", "due_date=2026-12-31", "--as", "dana");
        var shown = (await _cli.OkAsync("proposals", "show", id, "--json")).Json;
        Assert.Equal("2026-12-31", (string?)shown["payload"]!["due_date"]);
        Assert.Equal(1, (await _cli.RunAsync("proposals", "edit", id, "--set", "vendor_id=lv-1", "--as", "dana")).ExitCode);
    }

    /// <summary>Issue 19, finding 1: the edited million is what the title, figures and the CLI show; a bad date is refused naming it.</summary>
    [Fact]
    public async Task Edit_LinesToAMillion_ShowShowsTheMillionAndABadDateExitsTwo()
    {
        await _cli.OkAsync("demo");
        var bill = (await JsonListAsync("proposals", "list", "--agent", "financial")).First(p => (string?)p!["actionKind"] == CreateBillPayload.Kind)!;
        var id = ((long)bill["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = (await _cli.OkAsync("proposals", "show", id, "--json")).Json["payload"]!["lines"]!.AsArray();
        var account = (string)lines[0]!["account_id"]!;
        var bad = await _cli.RunAsync("proposals", "edit", id, "--set", "due_date=31/31/2026", "--as", "dana");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("due_date: '31/31/2026' is not a date yyyy-MM-dd that exists.", bad.Error);
        Assert.DoesNotContain("   at ", bad.Error);
        await _cli.OkAsync("proposals", "edit", id, "--set", $"lines=[{{\"account_id\":\"{account}\",\"amount\":\"1000000.00\"}}]", "--as", "dana");
        var shown = await _cli.OkAsync("proposals", "show", id);
        Assert.Contains("for $1,000,000.00", shown.Out);
        Assert.Contains("dana changed the amount: a second person must approve it.", shown.Out);
        Assert.Equal(1, (await _cli.RunAsync("proposals", "approve", id, "--as", "dana")).ExitCode);
    }

    [Fact]
    public async Task AuditVerify_AfterTheFileIsEdited_ExitsOneAndNamesTheEvent()
    {
        await _cli.OkAsync("demo");
        var path = Path.Combine(_temp.Root, "tenants", "demo", "tenant.db");
        await using (var connection = await BackOffice.Store.Sqlite.SqliteConnections.OpenAsync(path, CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory' WHERE seq = 2;";
            await command.ExecuteNonQueryAsync();
        }

        var result = await _cli.RunAsync("audit", "verify");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("event 2", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadBundle_ExitsTwoNamingFileLineAndColumn()
    {
        await _cli.OkAsync("tenant", "create", "acme");
        var bundle = Path.Combine(_temp.Root, "bad-bundle");
        Directory.CreateDirectory(Path.Combine(bundle, "project"));
        await File.WriteAllTextAsync(Path.Combine(bundle, "bundle.json"), """{"format":"backoffice-bundle/1"}""");
        await File.WriteAllTextAsync(Path.Combine(bundle, "project", "jobs.csv"), "id,name,status,start_date\nj1,Kitchen,active,11/05/2026\n");

        var result = await _cli.RunAsync("import", "--tenant", "acme", bundle);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("project/jobs.csv line 2, column start_date", result.Error, StringComparison.Ordinal);
        Assert.Empty(await JsonListAsync("report", "ledger-bills", "--tenant", "acme"));
    }
}
