using BackOffice.Domain.Memory;
using BackOffice.Kernel.Memory;
using BackOffice.Kernel.Model;
using BackOffice.Store.Memory;
using BackOffice.Tests.Support;

namespace BackOffice.Tests.Memory;

/// <summary>
/// Issues 4 and 15: OpenAI-compatible embeddings through Microsoft.Extensions.AI's IEmbeddingGenerator (M.E.AI.OpenAI over the
/// real OpenAI SDK) against a loopback /v1/embeddings server. Request and
/// response shapes follow OpenAI's API reference for "Create embeddings" (POST /v1/embeddings; data[].embedding as a float
/// array, or a base64 string of float32 when encoding_format is "base64").
/// </summary>
public sealed class OpenAIEmbedderTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly LoopbackEmbeddingServer _server = new();
    private readonly TempDataDirectory _temp = new();

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private static ModelOptions Resilience(int retries = 2) => new() { TimeoutSeconds = 5, MaxRetries = retries, RetryBaseDelaySeconds = 0.01, CircuitMinimumThroughput = 100 };

    private GeneratorTextEmbedder Embedder(int retries = 2) =>
        GeneratorTextEmbedder.OpenAI(new ResolvedEmbeddings(_server.Endpoint, "loopback-embed", "sk-test-embeddings", _server.Dimensions), Resilience(retries), TimeProvider.System);

    private FallbackTextEmbedder WithFallback() => new(Embedder(retries: 0), new HashedNgramEmbedder(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    private static MemoryItem Item(string key, string text) => new(MemoryKinds.Resolution, key, text, "executed", "test", At);

    [Fact]
    public async Task EmbedAsync_LoopbackServer_SendsModelAndInputAndReadsTheBase64Vector()
    {
        var embedding = await Embedder().EmbedAsync("Rivera Plumbing rough-in", CancellationToken.None);

        var (path, body) = Assert.Single(_server.Requests);
        Assert.Equal("/v1/embeddings", path);
        Assert.Equal(("loopback-embed", "Rivera Plumbing rough-in", "base64"), ((string?)body["model"], LoopbackEmbeddingServer.InputOf(body), (string?)body["encoding_format"]));
        Assert.Equal("openai:loopback-embed/64", embedding.Space);
        Assert.Equal(64, embedding.Vector.Length);
        // The server's vector is 3x unit length; the client normalises it, so it equals the server model's unit vector.
        Assert.Equal(1.0, HashedNgramEmbedder.Cosine(embedding.Vector, _server.Expected("Rivera Plumbing rough-in")), 5);
        Assert.Equal(1.0, HashedNgramEmbedder.Cosine(embedding.Vector, embedding.Vector), 5);
    }

    [Fact]
    public async Task EmbedAsync_TextWithCardIbanAndSsn_SendsThemRedacted()
    {
        // Issue 15: embedding requests leave the process, so they are redacted like prompts (published test numbers).
        await Embedder().EmbedAsync("Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, SSN 123456789", CancellationToken.None);

        var (_, body) = Assert.Single(_server.Requests);
        Assert.Equal("Card [redacted], IBAN [redacted], SSN [redacted]", LoopbackEmbeddingServer.InputOf(body));
    }

    [Fact]
    public async Task EmbedAsync_503Then200_RetriesAndSucceeds()
    {
        _server.Fail(503);

        var embedding = await Embedder().EmbedAsync("Summit Drywall", CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("openai:loopback-embed/64", embedding.Space);
    }

    [Theory]
    [InlineData("down")]
    [InlineData("wrong-dimensions")]
    public async Task EmbedAsync_EndpointUnusable_ThrowsModelUnavailable(string how)
    {
        _server.Down = how == "down" ? 503 : null;
        _server.AnswerDimensions = how == "wrong-dimensions" ? 32 : null;

        await Assert.ThrowsAsync<ModelUnavailableException>(() => Embedder(retries: 1).EmbedAsync("Summit Drywall", CancellationToken.None));
    }

    /// <summary>Ollama and llama.cpp have answered float arrays whatever encoding_format said; SDK 2.15 reads both.</summary>
    [Fact]
    public async Task EmbedAsync_ServerIgnoresBase64_StillReadsTheFloatArray()
    {
        _server.AlwaysFloats = true;

        var embedding = await Embedder().EmbedAsync("Summit Drywall", CancellationToken.None);

        Assert.Equal(1.0, HashedNgramEmbedder.Cosine(embedding.Vector, _server.Expected("Summit Drywall")), 5);
    }

    [Fact]
    public async Task FallbackEmbedder_EndpointDown_AnswersInTheHashedSpace()
    {
        _server.Down = 500;
        var embedder = WithFallback();

        var embedding = await embedder.EmbedAsync("Summit Drywall", CancellationToken.None);

        Assert.Equal(("openai:loopback-embed/64", "hashed-ngram-v1/256", 256, 1), (embedder.Space, embedding.Space, embedding.Vector.Length, embedder.Fallbacks));
    }

    [Fact]
    public async Task SqliteMemory_ItemsFromBothSpaces_SearchScoresOnlyTheQuerysSpaceAndRelearningHeals()
    {
        var embedder = WithFallback();
        var memory = new SqliteTenantMemory(_temp.Tenant("acme"), embedder);
        await memory.RememberAsync(Item("f-1", "Rivera Plumbing duplicate bill rejected"), CancellationToken.None);
        _server.Down = 503;
        await memory.RememberAsync(Item("f-2", "Rivera Plumbing retainage released"), CancellationToken.None);

        Assert.Equal(["f-2"], (await memory.SearchAsync("Rivera Plumbing", null, 10, CancellationToken.None)).Select(m => m.Item.Key));
        _server.Down = null;
        Assert.Equal(["f-1"], (await memory.SearchAsync("Rivera Plumbing", null, 10, CancellationToken.None)).Select(m => m.Item.Key));
        // Exact lookups do not depend on the space.
        Assert.NotNull(await memory.GetAsync(MemoryKinds.Resolution, "f-2", CancellationToken.None));

        await memory.RememberAsync(Item("f-2", "Rivera Plumbing retainage released"), CancellationToken.None);

        Assert.Equal(["f-1", "f-2"], (await memory.SearchAsync("Rivera Plumbing", null, 10, CancellationToken.None)).Select(m => m.Item.Key).Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, long> { ["openai:loopback-embed/64"] = 2 }, await memory.SpacesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task QdrantMemory_EndpointDown_SkipsTheFallbackVectorAndKeepsTheSpaceInItsOwnCollection()
    {
        using var qdrant = new LoopbackQdrant();
        using var client = new Qdrant.Client.QdrantClient(new Uri(qdrant.Url));
        var memory = new QdrantTenantMemory(client, "acme", WithFallback());
        await memory.RememberAsync(Item("f-1", "Rivera Plumbing duplicate bill rejected"), CancellationToken.None);
        _server.Down = 503;

        await memory.RememberAsync(Item("f-2", "Rivera Plumbing retainage released"), CancellationToken.None);
        var whileDown = await memory.SearchAsync("Rivera Plumbing", null, 10, CancellationToken.None);

        Assert.Equal(["backoffice_acme__openai_loopback_embed_64"], qdrant.Collections);
        Assert.Empty(whileDown);
        Assert.Equal(1, memory.Skipped);
        Assert.Null(await memory.GetAsync(MemoryKinds.Resolution, "f-2", CancellationToken.None));
        _server.Down = null;
        Assert.Equal(["f-1"], (await memory.SearchAsync("Rivera Plumbing", null, 10, CancellationToken.None)).Select(m => m.Item.Key));
    }

    [Theory]
    [InlineData("", "", "", "", null)]
    [InlineData("http://localhost:11434/v1", "", "", "", null)]
    [InlineData("http://localhost:11434/v1", "nomic-embed-text", "", "", "http://localhost:11434/v1|nomic-embed-text")]
    [InlineData("http://model/v1", "", "http://embed/v1", "e5", "http://embed/v1|e5")]
    [InlineData("", "", "http://embed/v1", "e5", "http://embed/v1|e5")]
    public void Resolve_ModelAndEmbeddingSettings_PicksTheEmbeddingsEndpointFirst(string modelEndpoint, string modelEmbedding, string endpoint, string model, string? expected)
    {
        var resolved = new EmbeddingOptions { Endpoint = endpoint, Model = model, Dimensions = 768 }
            .Resolve(new ModelOptions { Endpoint = modelEndpoint, EmbeddingModel = modelEmbedding });

        Assert.Equal(expected, resolved is null ? null : $"{resolved.Endpoint}|{resolved.Model}");
    }
}
