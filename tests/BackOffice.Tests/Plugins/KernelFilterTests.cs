using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using BackOffice.Domain.Tools;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Plugins;
using BackOffice.Tests.Model;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Xunit.Abstractions;

namespace BackOffice.Tests.Plugins;

/// <summary>
/// Issue 15: the kernel's filters inside Semantic Kernel's own automatic function calling, with SK's OpenAI connector
/// against the loopback chat server: the round cap, the sweep's token budget, and every refusal audited.
/// </summary>
public sealed class KernelFilterTests(ITestOutputHelper output) : IDisposable
{
    private readonly LoopbackChatServer _server = new();

    public void Dispose() => _server.Dispose();

    /// <summary>A tool that would write, declared so: it must never run, whatever its name says.</summary>
    [ToolAccess(ToolAccess.Write)]
    public static class LedgerLookup
    {
        public static int Runs;

        [Description("Looks up a bill (but writes: declared Write)")]
        public static string Find([Description("Bill id")] string id)
        {
            Interlocked.Increment(ref Runs);
            return id;
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

    /// <summary>The kernel from DI with the given plugins, in a conversation of the financial agent allowed <paramref name="allowed"/>.</summary>
    private (Microsoft.SemanticKernel.Kernel Kernel, KernelCall Call, RecordingAudit Audit) Conversation(int maxRounds, long budget, string[] allowed, params KernelPlugin[] plugins)
    {
        var options = new ModelOptions { Endpoint = _server.Endpoint, Model = "loopback-model", TimeoutSeconds = 10, MaxRetries = 0 };
        var kernel = KernelServices.Build(options, TimeProvider.System).Clone();
        kernel.Plugins.AddRange(plugins);
        var audit = new RecordingAudit();
        var call = new KernelCall("financial", allowed, audit, new TokenBudget(budget), maxRounds);
        kernel.Data[KernelCall.DataKey] = call;
        return (kernel, call, audit);
    }

    private static Task<ChatMessageContent> AskAsync(Microsoft.SemanticKernel.Kernel kernel) =>
        kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(new ChatHistory("x"),
            new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel);

    private static JsonObject MatchArguments() => new()
    {
        ["projectId"] = "pv-1", ["projectName"] = "Rivera Plumbing LLC",
        ["candidates"] = new JsonArray(new JsonObject { ["id"] = "lv-1", ["names"] = new JsonArray("Rivera Plumbing") }), ["links"] = new JsonObject(),
    };

    [Fact]
    public async Task Ask_ModelKeepsCallingTools_StopsAtTheRoundCap()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.ToolCall($"call_{i}", "CrossSystemMatcher-Match", MatchArguments());
        }

        var (kernel, call, audit) = Conversation(maxRounds: 3, budget: 1_000_000, ["CrossSystemMatcher"], ToolPlugins.Create(typeof(BackOffice.Tools.Matching.CrossSystemMatcher)));

        var reply = await AskAsync(kernel);

        Assert.False(TokenBudgetFilter.IsAnswer(reply));
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(3, audit.Calls.Count(c => c.RefusedBecause is null && c.ResultSize > 0));
        Assert.Contains("3 rounds", call.StoppedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SweepTokenBudgetSpent_MakesNoFurtherModelCall()
    {
        for (var i = 0; i < 5; i++)
        {
            _server.ToolCall($"call_{i}", "CrossSystemMatcher-Match", MatchArguments());
        }

        var (kernel, call, _) = Conversation(maxRounds: 10, budget: 150, ["CrossSystemMatcher"], ToolPlugins.Create(typeof(BackOffice.Tools.Matching.CrossSystemMatcher)));

        await AskAsync(kernel);

        // Each scripted tool-call reply costs 50 + 10 tokens: the third crosses 150, then the conversation stops.
        Assert.Equal(3, _server.Requests.Count);
        Assert.True(call.Budget.Exhausted);
        Assert.Equal((150L, 30L), (call.InputTokens, call.OutputTokens));
        Assert.Contains("token budget", call.StoppedBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LedgerLookup-Find", "writes are refused")]
    [InlineData("CrossSystemMatcher-Match", "allow-list")]
    [InlineData("Ledger_CreateBill", "there is no function")]
    [InlineData("SubInvoiceBillTools-DraftBill", "there is no function")]
    public async Task Ask_CallOutsideWhatIsAllowed_IsRefusedAndAudited(string function, string reason)
    {
        LedgerLookup.Runs = 0;
        _server.ToolCall("call_1", function, new JsonObject { ["id"] = "b-1" });
        _server.Text("done");
        // LedgerLookup is in the kernel and "allowed" by name, so only its declared capability refuses it.
        var (kernel, _, audit) = Conversation(maxRounds: 3, budget: 1_000_000, ["LedgerLookup"],
            ToolPlugins.Create(typeof(LedgerLookup)), ToolPlugins.Create(typeof(BackOffice.Tools.Matching.CrossSystemMatcher)));

        var reply = await AskAsync(kernel);

        Assert.Equal("done", reply.Content);
        var call = Assert.Single(audit.Calls);
        Assert.Equal((function, 0), (call.Function, call.ResultSize));
        Assert.Contains(reason, call.RefusedBecause, StringComparison.Ordinal);
        Assert.Equal(0, LedgerLookup.Runs);
    }

    [Fact]
    public void Plugins_AgentWithoutAnAllowList_GetsNone()
    {
        var allowLists = new Dictionary<string, string[]> { ["financial"] = ["CrossSystemMatcher"] };
        var plugins = ToolPlugins.Default();

        Assert.Empty(plugins.For("collections", allowLists));
        var financial = Assert.Single(plugins.For("financial", allowLists));
        Assert.Equal("CrossSystemMatcher", financial.Name);
        Assert.False(string.IsNullOrEmpty(financial["Match"].Description));
        Assert.All(plugins.All.SelectMany(p => p), f => Assert.True(ToolPlugins.IsReadOnly(f)));
        Assert.Equal(["financial:SubInvoiceBillTools"], plugins.Unknown(new Dictionary<string, string[]> { ["financial"] = ["CrossSystemMatcher", "SubInvoiceBillTools"] }));
    }

    [Theory]
    [InlineData(typeof(LedgerLookup))]
    [InlineData(typeof(BackOffice.Tools.Reconciliation.SubInvoiceBillTools))]
    public void Plugins_ToolNotDeclaredReadOnly_CannotBeOffered(Type tool)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ToolPlugins([tool]));
        Assert.Contains(tool.Name, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Benchmark (prints, never asserts time): the firewall runs on every model narrative.</summary>
    [Fact]
    public void Benchmark_FirewallAndEmbedder_PrintsThroughput()
    {
        BackOffice.Kernel.Abstractions.Proposals.Figure[] figures =
            [BackOffice.Kernel.Abstractions.Proposals.Figure.Usd("gross", 18400m, "t"), BackOffice.Kernel.Abstractions.Proposals.Figure.Date("d", new DateOnly(2026, 11, 3), "t")];
        const string narrative = "Subcontractor invoice RP-007 from Rivera Plumbing LLC dated 2026-11-03 for $18,400.00 has no bill in the ledger.";
        var slots = NarrativeSlots.For(figures, null, "Sub invoice RP-007 has no bill", narrative);
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
