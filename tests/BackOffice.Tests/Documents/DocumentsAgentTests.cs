using System.Text.Json.Nodes;
using BackOffice.Agents.Documents;
using BackOffice.Agents.Documents.Actions;
using BackOffice.Agents.Ledger.Actions;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tests.Support;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Documents;

/// <summary>The agent over the imported demo tenant with corpus documents dropped into its inbox (issue 6).</summary>
public sealed class DocumentsAgentTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();
    private readonly CliRunner _cli;

    public DocumentsAgentTests() => _cli = new CliRunner(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private TenantData Db => _temp.Tenant("demo");

    private string Inbox => _temp.Data.TenantFilesFolder("demo", "inbox");

    private static string Corpus(string name) => Path.Combine(RepoPaths.Root, "samples", "documents", "inbox", name);

    private async Task<SweepResult> SweepAsync() =>
        await new DocumentsAgent().SweepAsync(new SweepContext(Db, new DateOnly(2026, 11, 20), new Progress<string>(), null), CancellationToken.None);

    [Fact]
    public async Task Sweep_BillWithPromptInjection_SameDraftAsWithoutItAndNothingApprovedOrWritten()
    {
        await _cli.OkAsync("tenant", "create", "demo");
        await _cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);
        var text = await File.ReadAllTextAsync(Corpus("home-depot-pro-HD-78211.txt"));
        var clean = text[..text.IndexOf("Note to the accounts payable", StringComparison.Ordinal)];
        await File.WriteAllTextAsync(Path.Combine(Inbox, "hd.txt"), clean);
        var cleanDraft = (await SweepAsync()).Proposals.Single(p => p.ActionKind == CreateBillPayload.Kind);

        await File.WriteAllTextAsync(Path.Combine(Inbox, "hd.txt"), text);
        var result = await SweepAsync();

        var draft = result.Proposals.Single(p => p.ActionKind == CreateBillPayload.Kind);
        Assert.Equal(RiskClass.Money, draft.Risk);
        Assert.Equal(cleanDraft.Payload["lines"]!.ToJsonString(), draft.Payload["lines"]!.ToJsonString());
        Assert.Equal(["1644.10"], draft.Payload["lines"]!.AsArray().Select(l => decimal.Parse((string)l!["amount"]!, System.Globalization.CultureInfo.InvariantCulture)).Sum().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Split(','));
        Assert.Contains(result.Findings, f => f.Check == "instruction-text");

        // Through the gate: stored as proposed, nothing approved, no bill written.
        await _cli.OkAsync("sweep", "--tenant", "demo", "--agent", "documents", "--as-of", "2026-11-20");
        var proposals = (await _cli.OkAsync("proposals", "list", "--agent", "documents", "--json")).Json.AsArray();
        Assert.All(proposals, p => Assert.Equal("proposed", (string?)p!["state"]));
        var bills = (await _cli.OkAsync("report", "ledger-bills", "--tenant", "demo", "--json")).Json.AsArray();
        Assert.DoesNotContain(bills, b => (string?)b!["origin"] == "sandbox");
    }

    [Fact]
    public async Task Sweep_WrongTotalDuplicateAndScan_GoToTheExceptionQueueWithReasons()
    {
        await _cli.OkAsync("tenant", "create", "demo");
        await _cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);
        foreach (var name in new[] { "keystone-KC-8801.txt", "abc-supply-INV-451207-resent.txt", "scan-unknown-vendor.pdf" })
        {
            File.Copy(Corpus(name), Path.Combine(Inbox, name));
            File.SetLastWriteTimeUtc(Path.Combine(Inbox, name), DateTime.UtcNow.AddMinutes(1)); // arrived after the demo's documents
        }

        var rows = (await _cli.OkAsync("report", "ap-exceptions", "--tenant", "demo", "--json")).Json.AsArray().Select(r => r!.AsObject()).ToList();

        Assert.Contains(rows, r => (string?)r["document"] == "keystone-KC-8801.txt" && ((string)r["reason"]!).Contains("computed 11406.00, stated 11460.00", StringComparison.Ordinal));
        Assert.Contains(rows, r => (string?)r["document"] == "abc-supply-INV-451207-resent.txt" && ((string)r["reason"]!).StartsWith("duplicate: same vendor and invoice number as inbox abc-supply-INV-451207.eml", StringComparison.Ordinal));
        Assert.Contains(rows, r => (string?)r["document"] == "scan-unknown-vendor.pdf" && ((string)r["reason"]!).Contains("no text layer", StringComparison.Ordinal));
        var result = await SweepAsync();
        Assert.DoesNotContain(result.Proposals, p => p.ActionKind == CreateBillPayload.Kind);
        Assert.Contains(result.Findings, f => f.Key == "documents:needs-person:scan-unknown-vendor.pdf");
    }

    [Fact]
    public async Task FileExecutor_ExecuteThenUndo_RestoresThePriorStateAndRefusesEscapes()
    {
        await _cli.OkAsync("tenant", "create", "demo");
        await _cli.OkAsync("import", "--tenant", "demo", RepoPaths.DemoBundle);
        var filing = (await SweepAsync()).Proposals.First(p => p.ActionKind == FileDocumentPayload.Kind);
        var executor = new FileDocumentExecutor();
        var request = new ActionRequest(Db, 1, filing.IdempotencyKey, filing.Payload);
        var prior = await executor.CapturePriorStateAsync(request, CancellationToken.None);

        var outcome = await executor.ExecuteAsync(request, CancellationToken.None);
        var target = Path.Combine(_temp.Data.TenantFolder("demo"), outcome.TargetId);
        Assert.True(File.Exists(target));
        Assert.Equal(outcome.TargetId, (await executor.ExecuteAsync(request, CancellationToken.None)).TargetId);
        Assert.DoesNotContain((await SweepAsync()).Proposals, p => p.IdempotencyKey == filing.IdempotencyKey);

        await executor.UndoAsync(request, prior, outcome, CancellationToken.None);
        Assert.False(File.Exists(target));
        Assert.True(File.Exists(Path.Combine(Inbox, (string)filing.Payload["file_name"]!)));

        var escape = (JsonObject)filing.Payload.DeepClone();
        escape["folder"] = "../../../outside";
        await Assert.ThrowsAsync<ProposalPayloadException>(() => executor.ExecuteAsync(request with { Payload = escape }, CancellationToken.None));
    }
}
