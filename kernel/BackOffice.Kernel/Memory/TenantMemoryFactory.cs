using BackOffice.Domain.Memory;
using BackOffice.Store.Memory;
using Qdrant.Client;

using BackOffice.Store.Tenancy;

namespace BackOffice.Kernel.Memory;

/// <summary>Opens one tenant's memory in the configured store (issue 4). Each instance it returns is bound to one tenant.</summary>
public sealed class TenantMemoryFactory(MemoryOptions options, ITextEmbedder embedder, QdrantClient? qdrant = null)
{
    private bool IsQdrant => string.Equals(options.Store, "qdrant", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Which store and embedder space memory is written to; learning keeps its watermark under this name (issue 12), so
    /// switching Memory:Store, the Qdrant server or the embedding model learns everything into the new store once.
    /// </summary>
    public string StoreKey => IsQdrant
        ? $"qdrant:{options.QdrantUrl.TrimEnd('/')}/{options.CollectionPrefix}|{embedder.Space}"
        : $"sqlite|{embedder.Space}";

    public ITenantMemory For(TenantData tenant) => Open(tenant).Memory;

    /// <summary>The memory together with what learning needs to know: its store key and how many texts its embedder fell back on.</summary>
    public OpenedMemory Open(TenantData tenant)
    {
        var watched = new SpaceWatchingEmbedder(embedder);
        if (!IsQdrant)
        {
            return new OpenedMemory(new SqliteTenantMemory(tenant, watched), StoreKey, watched);
        }

        var client = qdrant ?? throw new InvalidOperationException("Memory:Store is qdrant but no Qdrant client was configured.");
        return new OpenedMemory(new QdrantTenantMemory(client, tenant.Tenant, watched, options.CollectionPrefix), StoreKey, watched);
    }
}

/// <param name="StoreKey">See <see cref="TenantMemoryFactory.StoreKey"/>.</param>
/// <param name="Embeddings">Counts answers outside the configured space, so learning can tell a fallback happened.</param>
public sealed record OpenedMemory(ITenantMemory Memory, string StoreKey, SpaceWatchingEmbedder Embeddings);

/// <summary>
/// Counts texts embedded in another space than the configured one (the embeddings endpoint was down, issue 4). Learning
/// does not advance its watermark past such a sweep (issue 12), so those decisions are learned again, in the configured
/// space, once the endpoint is back; before learning was incremental, re-learning everything every sweep did that.
/// </summary>
public sealed class SpaceWatchingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    private int _offSpace;

    public string Space => inner.Space;

    public int Dimensions => inner.Dimensions;

    public int OffSpace => Volatile.Read(ref _offSpace);

    public async Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var embedding = await inner.EmbedAsync(text, cancellationToken);
        if (embedding.Space != inner.Space)
        {
            Interlocked.Increment(ref _offSpace);
        }

        return embedding;
    }
}
