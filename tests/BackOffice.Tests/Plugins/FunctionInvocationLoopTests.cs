using System.Diagnostics;
using System.Runtime.CompilerServices;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Plugins;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace BackOffice.Tests.Plugins;

public sealed class FunctionInvocationLoopTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string[]> AllowLists = new() { ["financial"] = ["CrossSystemMatcher_*"] };

    /// <summary>A chat client that answers from a script and counts calls (STYLE.md: agent tests use a scripted chat client).</summary>
    private sealed class ScriptedChatClient(params ChatResponse[] script) : IChatClient
    {
        private readonly Queue<ChatResponse> _script = new(script);

        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(_script.Count > 1 ? _script.Dequeue() : _script.Peek());
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class RecordingAudit : IPluginCallAudit
    {
        public List<PluginCallRecord> Calls { get; } = [];

        public Task RecordAsync(PluginCallRecord call, CancellationToken cancellationToken)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }

    private static ChatResponse Call(string function) =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c", function, new Dictionary<string, object?>())])) { Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 10 } };

    private static ChatResponse Text(string text, long tokens = 10) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { Usage = new UsageDetails { InputTokenCount = tokens, OutputTokenCount = 0 } };

    private static (FunctionInvocationLoop Loop, RecordingAudit Audit) Loop(int maxRounds)
    {
        var audit = new RecordingAudit();
        var filters = new IFunctionFilter[] { new AuditFilter(audit), new WriteRefusalFilter(), new AllowListFilter(AllowLists) };
        return (new FunctionInvocationLoop(PluginRegistry.FromToolsAssembly(), filters, maxRounds), audit);
    }

    [Fact]
    public async Task Run_ModelKeepsCallingTools_StopsAtTheRoundCap()
    {
        var (loop, audit) = Loop(maxRounds: 3);
        var client = new ScriptedChatClient(Call("CrossSystemMatcher_Match"));

        var result = await loop.RunAsync(client, [new ChatMessage(ChatRole.User, "x")], "financial", [], new ChatOptions(), new TokenBudget(1_000_000), CancellationToken.None);

        Assert.Null(result.Text);
        Assert.Equal(3, client.Calls);
        Assert.Equal(3, audit.Calls.Count);
        Assert.Contains("3 rounds", result.StoppedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SweepTokenBudgetSpent_MakesNoFurtherModelCall()
    {
        var (loop, _) = Loop(maxRounds: 10);
        var budget = new TokenBudget(250);
        var client = new ScriptedChatClient(Call("CrossSystemMatcher_Match"));

        var result = await loop.RunAsync(client, [new ChatMessage(ChatRole.User, "x")], "financial", [], new ChatOptions(), budget, CancellationToken.None);

        Assert.Equal(3, client.Calls); // 110 + 110 + 110 tokens: the third call crosses 250, then the loop stops.
        Assert.True(budget.Exhausted);
        Assert.Contains("token budget", result.StoppedBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ledger_CreateBill", "writes are refused")]
    [InlineData("Proposals_Approve", "writes are refused")]
    [InlineData("Outbox_SendDunning", "writes are refused")]
    [InlineData("SubInvoiceBillTools_DraftBill", "allow-list")]
    [InlineData("CrossSystemMatcher_Unknown", "there is no function")]
    public async Task Run_CallOutsideWhatIsAllowed_IsRefusedAndAudited(string function, string reason)
    {
        var (loop, audit) = Loop(maxRounds: 3);
        var client = new ScriptedChatClient(Call(function), Text("done"));

        var result = await loop.RunAsync(client, [new ChatMessage(ChatRole.User, "x")], "financial", [], new ChatOptions(), new TokenBudget(1_000_000), CancellationToken.None);

        Assert.Equal("done", result.Text);
        var call = Assert.Single(audit.Calls);
        Assert.Equal((function, 0), (call.Function, call.ResultSize));
        Assert.Contains(reason, call.RefusedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_AgentWithoutAnAllowList_GetsNoFunctions()
    {
        var registry = PluginRegistry.FromToolsAssembly();
        Assert.Contains(registry.All, f => f.Name == "SubInvoiceBillTools_DraftBill");
        Assert.Empty(registry.AllowedFor("collections", AllowLists));
        Assert.Equal(["CrossSystemMatcher_Match"], registry.AllowedFor("financial", AllowLists).Select(f => f.Name));
        Assert.False(string.IsNullOrEmpty(registry.Find("CrossSystemMatcher_Match")!.Description));
    }

    /// <summary>Benchmark (prints, never asserts time): the firewall runs on every model narrative.</summary>
    [Fact]
    public void Benchmark_FirewallAndEmbedder_PrintsThroughput()
    {
        BackOffice.Kernel.Abstractions.Proposals.Figure[] figures =
            [BackOffice.Kernel.Abstractions.Proposals.Figure.Usd("gross", 18400m, "t"), BackOffice.Kernel.Abstractions.Proposals.Figure.Date("d", new DateOnly(2026, 11, 3), "t")];
        const string narrative = "Subcontractor invoice RP-007 from Rivera Plumbing LLC dated 2026-11-03 for $18,400.00 has no bill in the ledger.";
        var slots = BackOffice.Kernel.Narration.NarrativeSlots.For(figures, null, "Sub invoice RP-007 has no bill", narrative);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(PlaceholderGuard.Check(slots.Template, slots).Passed);
        }

        output.WriteLine($"placeholder firewall: {2_000 / watch.Elapsed.TotalSeconds:N0} narratives/s ({watch.Elapsed.TotalMilliseconds * 1_000 / 2_000:N1} µs each)");
        var embedder = new BackOffice.Store.Memory.HashedNgramEmbedder();
        watch.Restart();
        for (var i = 0; i < 10_000; i++)
        {
            embedder.Embed(narrative);
        }

        output.WriteLine($"hashed n-gram embedder (256 dims): {10_000 / watch.Elapsed.TotalSeconds:N0} texts/s");
    }
}
