using BackOffice.Domain.Memory;
using BackOffice.Store.Memory;
using BackOffice.Tests.Support.Postgres;

namespace BackOffice.Tests.Memory;

/// <summary>Runs only when QDRANT_URL points at a real Qdrant (issue 4); otherwise reported as skipped.</summary>
public sealed class QdrantFactAttribute : FactAttribute
{
    public QdrantFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("QDRANT_URL")))
        {
            Skip = "QDRANT_URL is not set: no real Qdrant to test against.";
        }
    }
}

public sealed class TenantMemoryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly HashedNgramEmbedder _embedder = new();

    private static MemoryItem Choice(string vendor, string account) =>
        new(MemoryKinds.GlChoice, MemoryKinds.GlChoiceKey(vendor, "22-000"), $"Rivera Plumbing cost code 22-000 to {account}", account, "test", At);

    /// <summary>Both tenants remember the same key with different values; each sees only its own, by key, list and search.</summary>
    private static async Task AssertIsolatedAsync(ITenantMemory a, ITenantMemory b)
    {
        await a.RememberAsync(Choice("lv-1", "acct-A"), CancellationToken.None);
        await b.RememberAsync(Choice("lv-1", "acct-B"), CancellationToken.None);
        await b.RememberAsync(new MemoryItem(MemoryKinds.Resolution, "f-b", "Rivera Plumbing invoice rejected: duplicate", "rejected", "test", At), CancellationToken.None);

        Assert.Equal("acct-A", (await a.GetAsync(MemoryKinds.GlChoice, MemoryKinds.GlChoiceKey("lv-1", "22-000"), CancellationToken.None))!.Value);
        Assert.Equal("acct-B", (await b.GetAsync(MemoryKinds.GlChoice, MemoryKinds.GlChoiceKey("lv-1", "22-000"), CancellationToken.None))!.Value);
        Assert.Equal(["acct-A"], (await a.ListAsync(MemoryKinds.GlChoice, CancellationToken.None)).Select(i => i.Value));
        var found = await a.SearchAsync("Rivera Plumbing invoice rejected duplicate", null, 10, CancellationToken.None);
        Assert.Equal(["acct-A"], found.Select(m => m.Item.Value));
        Assert.Empty(await a.ListAsync(MemoryKinds.Resolution, CancellationToken.None));
    }

    // Issue 18: the database memory (memory_items, vectors as BLOB/BYTEA) on either engine; on PostgreSQL both tenants
    // share one table, separated by row-level security.
    [Theory]
    [StoreProviders]
    public async Task Database_TwoTenants_NeverSeeEachOthersMemory(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        await AssertIsolatedAsync(
            new SqliteTenantMemory(store.Source.For("a"), _embedder),
            new SqliteTenantMemory(store.Source.For("b"), _embedder));
    }

    [Fact]
    public async Task Qdrant_TwoTenantsOnTheLoopbackServer_NeverSeeEachOthersMemory()
    {
        using var server = new LoopbackQdrant();
        using var client = new Qdrant.Client.QdrantClient(new Uri(server.Url));

        await AssertIsolatedAsync(new QdrantTenantMemory(client, "a", _embedder), new QdrantTenantMemory(client, "b", _embedder));

        Assert.Equal(["backoffice_a", "backoffice_b"], server.Collections.Order(StringComparer.Ordinal));
        Assert.Contains("qdrant.Points/CreateFieldIndex backoffice_a", server.Requests);
        var queries = server.Requests.Where(r => r.StartsWith("qdrant.Points/Query", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, r => Assert.Equal("qdrant.Points/Query backoffice_a", r));
    }

    [QdrantFact]
    public async Task Qdrant_RealServer_TwoTenantsNeverSeeEachOthersMemory()
    {
        // QDRANT_URL is Qdrant's gRPC address since issue 15, e.g. http://localhost:6334.
        using var client = new Qdrant.Client.QdrantClient(new Uri(Environment.GetEnvironmentVariable("QDRANT_URL")!), Environment.GetEnvironmentVariable("QDRANT_API_KEY"));
        var run = Guid.NewGuid().ToString("N")[..8];
        await AssertIsolatedAsync(new QdrantTenantMemory(client, "a" + run, _embedder, "bo_test_"), new QdrantTenantMemory(client, "b" + run, _embedder, "bo_test_"));
    }

    [Theory]
    [StoreProviders]
    public async Task Database_RememberTheSameKeyTwice_KeepsTheLatest(string provider)
    {
        await using var store = await StoreUnderTest.CreateAsync(provider);
        var memory = new SqliteTenantMemory(store.Source.For("a"), _embedder);
        await memory.RememberAsync(Choice("lv-1", "acct-1"), CancellationToken.None);
        await memory.RememberAsync(Choice("lv-1", "acct-2"), CancellationToken.None);
        Assert.Equal(["acct-2"], (await memory.ListAsync(MemoryKinds.GlChoice, CancellationToken.None)).Select(i => i.Value));
        Assert.Equal(new Dictionary<string, long> { [_embedder.Space] = 1 }, await memory.SpacesAsync(CancellationToken.None));
    }

    [Fact]
    public void Embedder_SimilarNames_ScoreHigherThanUnrelated()
    {
        var query = _embedder.Embed("Rivera Plumbing LLC");
        Assert.True(HashedNgramEmbedder.Cosine(query, _embedder.Embed("rivera plumbing")) > HashedNgramEmbedder.Cosine(query, _embedder.Embed("Summit Drywall & Paint")));
        Assert.Equal(_embedder.Embed("same text"), _embedder.Embed("same text"));
    }
}
