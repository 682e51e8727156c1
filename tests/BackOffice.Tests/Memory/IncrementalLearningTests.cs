using System.Text.Json.Nodes;
using BackOffice.Agents.Financial;
using BackOffice.Domain.Memory;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Gate;
using BackOffice.Kernel.Memory;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Sweeps;
using BackOffice.Store.Audit;
using BackOffice.Store.Memory;
using BackOffice.Store.Tenancy;
using BackOffice.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Tests.Memory;

/// <summary>
/// Issue 12: memory learns only the decisions made since its store last learned. Every embedding goes through a counting
/// embedder; with the offline narrator nothing searches memory, so its count is the number of items remembered.
/// </summary>
public sealed class IncrementalLearningTests : IDisposable
{
    private readonly FinancialGateHarness _h = new();
    private readonly CountingEmbedder _embedder = new();
    private readonly LoopbackQdrant _qdrant = new();
    private readonly Qdrant.Client.QdrantClient _qdrantClient;

    public IncrementalLearningTests() => _qdrantClient = new Qdrant.Client.QdrantClient(new Uri(_qdrant.Url));

    public void Dispose()
    {
        _qdrantClient.Dispose();
        _qdrant.Dispose();
        _h.Dispose();
    }

    private TenantData Acme => _h.Temp.Tenant("acme");

    private SweepRunner Runner(string store = "sqlite")
    {
        var audit = new AuditStore(_h.Clock);
        return new SweepRunner([new FinancialAgent(new FinancialOptions())], new GateIntake(_h.Gate), audit, _h.Temp.Source(_h.Clock),
            NullLogger<SweepRunner>.Instance, new NarrationService(new TemplateNarrator(), audit, _h.Clock),
            new TenantMemoryFactory(new MemoryOptions { Store = store, QdrantUrl = _qdrant.Url }, _embedder, store == "qdrant" ? _qdrantClient : null));
    }

    /// <summary>Sweeps once and returns the texts embedded while doing so.</summary>
    private async Task<IReadOnlyList<string>> SweepAsync(string store = "sqlite")
    {
        var before = _embedder.Texts.Count;
        var outcome = await Runner(store).RunAsync("acme", "financial", new DateOnly(2026, 11, 20), "manual", 1, new Progress<string>(), CancellationToken.None);
        _lastProposals = outcome.Proposals;
        return _embedder.Texts.Skip(before).ToList();
    }

    private IReadOnlyList<ProposalDraft> _lastProposals = [];

    private async Task<long> BillIdAsync(string docNumber)
    {
        var draft = Assert.Single(_lastProposals, p => p.ActionKind == "ledger.create-bill" && (string?)p.Payload["doc_number"] == docNumber);
        await using var c = await Acme.OpenAsync(CancellationToken.None);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM proposals WHERE idempotency_key = @k", new { k = draft.IdempotencyKey });
    }

    /// <summary>The lead moves the first bill's cost code to 5200, approves and executes it: one GL choice and one resolution.</summary>
    private async Task LeadEditsAndExecutesAsync()
    {
        await TenantSeed.BaseAsync(Acme);
        await using (var c = await Acme.OpenAsync(CancellationToken.None))
        {
            await c.ExecuteAsync("INSERT INTO ledger_accounts (id, number, name, type, active, row_hash) VALUES ('acct-5200', '5200', 'Plumbing Subcontract', 'Cost of Goods Sold', 1, 'x')");
        }

        await TenantSeed.SubInvoiceAsync(Acme, "si-1", "RP-007", "approved", 1_840_000, 184_000);
        Assert.Empty(await SweepAsync());
        var id = await BillIdAsync("RP-007");
        var lines = _lastProposals.Single(p => p.ActionKind == "ledger.create-bill").Payload["lines"]!.DeepClone().AsArray();
        lines[0]!["account_id"] = "acct-5200";
        await _h.Gate.EditAsync(Acme, FinancialGateHarness.Lead, id, new JsonObject { ["lines"] = lines }, CancellationToken.None);
        await _h.Gate.ApproveAsync(Acme, FinancialGateHarness.Lead, id, CancellationToken.None);
        var switches = new GateSwitches(_h.Clock, new AuditStore(_h.Clock));
        await switches.SetMasterAsync(Acme, FinancialGateHarness.Admin, true, CancellationToken.None);
        await switches.SetAgentWritesAsync(Acme, FinancialGateHarness.Admin, "financial", true, CancellationToken.None);
        await _h.Gate.ExecuteAsync(Acme, FinancialGateHarness.Lead, id, CancellationToken.None);
    }

    [Fact]
    public async Task Sweep_NoNewDecisions_EmbedsNothing()
    {
        await LeadEditsAndExecutesAsync();

        var first = await SweepAsync();
        var second = await SweepAsync();

        Assert.Equal(2, first.Count);
        Assert.Contains(first, t => t.Contains("to GL account acct-5200", StringComparison.Ordinal));
        Assert.Empty(second);
        var memory = new SqliteTenantMemory(Acme, _embedder);
        Assert.Equal("acct-5200", Assert.Single(await memory.ListAsync(MemoryKinds.GlChoice, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task Sweep_AfterOneNewDecision_EmbedsOnlyThatDecision()
    {
        await LeadEditsAndExecutesAsync();
        await SweepAsync();
        await TenantSeed.SubInvoiceAsync(Acme, "si-2", "RP-008", "approved", 500_000, 50_000);
        await SweepAsync();
        await _h.Gate.RejectAsync(Acme, FinancialGateHarness.Lead, await BillIdAsync("RP-008"), "duplicate of a bill keyed by hand", CancellationToken.None);

        var learned = Assert.Single(await SweepAsync());

        Assert.Contains("rejected by dana@acme (duplicate of a bill keyed by hand)", learned, StringComparison.Ordinal);
        Assert.Empty(await SweepAsync());
    }

    [Fact]
    public async Task Sweep_MemoryStoreSwitched_LearnsEverythingIntoTheNewStoreOnce()
    {
        await LeadEditsAndExecutesAsync();
        var sqlite = await SweepAsync();

        var qdrant = await SweepAsync("qdrant");
        var qdrantAgain = await SweepAsync("qdrant");
        var sqliteAgain = await SweepAsync();

        Assert.Equal(sqlite.Order(StringComparer.Ordinal), qdrant.Order(StringComparer.Ordinal));
        Assert.Empty(qdrantAgain);
        Assert.Empty(sqliteAgain);
        Assert.Contains(_qdrant.Requests, r => r == "qdrant.Points/Upsert backoffice_acme");
    }

    [Fact]
    public async Task Sweep_EmbeddingsFellBack_LearnsTheSameDecisionsAgainNextSweep()
    {
        await LeadEditsAndExecutesAsync();
        _embedder.FallBack = true;
        var fellBack = await SweepAsync();
        _embedder.FallBack = false;

        var again = await SweepAsync();

        Assert.Equal(fellBack.Order(StringComparer.Ordinal), again.Order(StringComparer.Ordinal));
        Assert.Empty(await SweepAsync());
    }

    /// <summary>The hashed embedder, counting what it embeds; with <see cref="FallBack"/> it answers in another space, as the
    /// fallback embedder does when the endpoint is down.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        private readonly HashedNgramEmbedder _inner = new();

        public List<string> Texts { get; } = [];

        public bool FallBack { get; set; }

        public string Space => _inner.Space;

        public int Dimensions => _inner.Dimensions;

        public Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken)
        {
            lock (Texts)
            {
                Texts.Add(text);
            }

            var vector = _inner.Embed(text);
            return Task.FromResult(new TextEmbedding(FallBack ? "fallback/256" : Space, vector));
        }
    }
}
