using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Agents;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Plugins;
using BackOffice.Kernel.Prompts;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Sqlite;
using BackOffice.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

using BackOffice.Store.Tenancy;

namespace BackOffice.Tests.Model;

/// <summary>
/// Issue 4, at sweep level: the sweep.completed audit event records how the sweep was narrated and the model tokens it
/// cost (real OpenAI SDK, loopback chat server), and a second sweep over unchanged facts costs no model call and 0 tokens.
/// </summary>
public sealed class SweepNarrationAuditTests : IDisposable
{
    private readonly LoopbackChatServer _server = new();
    private readonly TempDataDirectory _temp = new();
    private readonly ManualClock _clock = new();
    private readonly SweepRunner _runner;

    public SweepNarrationAuditTests()
    {
        var options = new ModelOptions { Endpoint = _server.Endpoint, Model = "loopback-model", TimeoutSeconds = 10, MaxRetries = 1, RetryBaseDelaySeconds = 0.01 };
        var narrator = new ModelNarrator(KernelServices.Build(options, TimeProvider.System),
            new PromptLibrary(System.IO.Path.Combine(RepoPaths.Root, "prompts")), ToolPlugins.Default(), options);
        var audit = new AuditStore(_clock);
        var gate = new ProposalGate(_clock, audit, new GateOptions { AgentDepartments = new Dictionary<string, string> { ["financial"] = "finance" } }, []);
        _runner = SweepRunners.Offline([new FixedAgent()], new GateIntake(gate), audit, _temp.Source(_clock), _clock,
            new NarrationService(narrator, audit, _clock));
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    /// <summary>Returns the same facts on every sweep: one finding and one proposal (ModelPathTests.Sweep).</summary>
    private sealed class FixedAgent : IAgent
    {
        public string Name => "financial";

        public string Department => "finance";

        public Task<SweepResult> SweepAsync(SweepContext context, CancellationToken cancellationToken) => Task.FromResult(ModelPathTests.Sweep());
    }

    private async Task<JsonObject> SweepAndReadNarrationAsync()
    {
        await _runner.RunAsync("acme", "financial", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None);
        await using var c = await _temp.Tenant("acme", _clock).OpenAsync(CancellationToken.None);
        var completed = (await AuditStore.ReadAllAsync(DataUnit.Over(c, null), CancellationToken.None)).Last(e => e.Kind == "sweep.completed");
        return JsonNode.Parse(completed.DataJson)!["narration"]!.AsObject();
    }

    private static (int Model, int Cached, int Rejected, int Fallbacks, long Input, long Output) Counts(JsonObject n) =>
        ((int)n["modelNarratives"]!, (int)n["cached"]!, (int)n["rejected"]!, (int)n["fallbacks"]!, (long)n["inputTokens"]!, (long)n["outputTokens"]!);

    [Fact]
    public async Task Sweep_ModelNarrates_AuditRecordsCountsAndTokensAndAnUnchangedSecondSweepCostsNone()
    {
        _server.Text(ModelPathTests.FindingReply, promptTokens: 310, completionTokens: 22);
        _server.Text("The bill nets to {net_payable}.", promptTokens: 290, completionTokens: 9);

        var first = await SweepAndReadNarrationAsync();
        var second = await SweepAndReadNarrationAsync();

        Assert.Equal((2, 0, 0, 0, 600L, 31L), Counts(first));
        Assert.NotEqual("template", (string?)first["narrator"]);
        Assert.Equal((0, 2, 0, 0, 0L, 0L), Counts(second));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Sweep_FirewallRejectsOneNarrative_AuditCountsTheRejectionAndStillTheTokens()
    {
        _server.Text("Invoice RP-007 is for about $18k.", promptTokens: 300, completionTokens: 10);
        _server.Text("The bill nets to {net_payable}.", promptTokens: 300, completionTokens: 10);

        var first = await SweepAndReadNarrationAsync();

        Assert.Equal((1, 0, 1, 0, 600L, 20L), Counts(first));
    }
}
