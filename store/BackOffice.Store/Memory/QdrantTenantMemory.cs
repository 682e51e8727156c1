using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Domain.Memory;
using Google.Protobuf.Collections;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace BackOffice.Store.Memory;

/// <summary>
/// Memory in Qdrant (issue 4). Tenant isolation: one collection per tenant ("{prefix}{tenant}"), as DESIGN.md rule 6
/// asks ("memory collections are per tenant"): it mirrors one SQLite file per tenant, deleting a tenant is dropping a
/// collection, and no filter mistake can return another tenant's points because they are not in the collection searched.
/// Every point also carries an indexed "tenant" payload field that every search and scroll must match, as a second lock.
/// (Qdrant's own multitenancy guide prefers one collection with an is_tenant index when tenants number in the thousands;
/// a contractor back office has tens to hundreds.)
/// A Qdrant collection has one vector size, so vector spaces are kept apart by collection: the default hashed embedder
/// keeps "{prefix}{tenant}", any other space gets "{prefix}{tenant}__{space}" (issue 4). Changing the embedder therefore
/// starts an empty collection, which the learner refills at the next sweep (memory is derived from the audit log and the
/// proposals, so it is rebuilt, not migrated). A vector from a fallback embedder (another space) is not written and a
/// fallback query finds nothing: memory is skipped rather than mixed, and the next sweep with the endpoint up writes it.
/// Issue 15: through the official Qdrant.Client over gRPC (QueryAsync for nearest points), not a hand-written REST client.
/// </summary>
public sealed class QdrantTenantMemory(QdrantClient client, string tenant, ITextEmbedder embedder, string collectionPrefix = "backoffice_") : ITenantMemory
{
    private bool _ready;

    public string Tenant { get; } = tenant;

    public string Collection { get; } = CollectionName(collectionPrefix, tenant, embedder.Space);

    /// <summary>Items not written because the embedder answered in another space (its endpoint was down).</summary>
    public int Skipped { get; private set; }

    public static string CollectionName(string prefix, string tenant, string space) =>
        space == HashedNgramEmbedder.SpaceOf(HashedNgramEmbedder.DefaultDimensions)
            ? prefix + tenant
            : $"{prefix}{tenant}__{new string(space.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray())}";

    public async Task RememberAsync(MemoryItem item, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var embedding = await embedder.EmbedAsync(item.Text, cancellationToken);
        if (embedding.Space != embedder.Space)
        {
            Skipped++;
            return;
        }

        var point = new PointStruct
        {
            Id = PointId(item.Kind, item.Key),
            Vectors = embedding.Vector,
            Payload =
            {
                ["tenant"] = Tenant,
                ["kind"] = item.Kind,
                ["key"] = item.Key,
                ["text"] = item.Text,
                ["value"] = item.Value,
                ["source"] = item.Source,
                ["learned_at"] = item.LearnedAt.ToString("O", CultureInfo.InvariantCulture),
                ["space"] = embedding.Space,
            },
        };
        await client.UpsertAsync(Collection, [point], wait: true, cancellationToken: cancellationToken);
    }

    public async Task<MemoryItem?> GetAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var points = await client.ScrollAsync(Collection, Must(kind, key), 1, payloadSelector: true, cancellationToken: cancellationToken);
        return points.Result.Select(p => ToItem(p.Payload)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<MemoryItem>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var points = await client.ScrollAsync(Collection, Must(kind, null), 1000, payloadSelector: true, cancellationToken: cancellationToken);
        return points.Result.Select(p => ToItem(p.Payload)).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<MemoryMatch>> SearchAsync(string text, string? kind, int limit, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var query = await embedder.EmbedAsync(text, cancellationToken);
        if (query.Space != embedder.Space)
        {
            return [];
        }

        var hits = await client.QueryAsync(Collection, query.Vector, filter: Must(kind, null), limit: (ulong)limit, payloadSelector: true,
            cancellationToken: cancellationToken);
        return hits.Select(h => new MemoryMatch(ToItem(h.Payload), h.Score)).ToList();
    }

    private Filter Must(string? kind, string? key)
    {
        var filter = new Filter { Must = { Conditions.MatchKeyword("tenant", Tenant) } };
        if (kind is not null)
        {
            filter.Must.Add(Conditions.MatchKeyword("kind", kind));
        }

        if (key is not null)
        {
            filter.Must.Add(Conditions.MatchKeyword("key", key));
        }

        return filter;
    }

    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        if (!await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            await client.CreateCollectionAsync(Collection, new VectorParams { Size = (ulong)embedder.Dimensions, Distance = Distance.Cosine },
                cancellationToken: cancellationToken);
            foreach (var field in new[] { "tenant", "kind", "key" })
            {
                await client.CreatePayloadIndexAsync(Collection, field, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
            }
        }

        _ready = true;
    }

    /// <summary>Qdrant ids are unsigned integers or UUIDs: a UUID from the hash of (kind, key) makes upsert replace.</summary>
    private static Guid PointId(string kind, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key)).AsSpan(0, 16));

    private static MemoryItem ToItem(MapField<string, Value> p) => new(
        p["kind"].StringValue, p["key"].StringValue, p["text"].StringValue, p["value"].StringValue, p["source"].StringValue,
        DateTimeOffset.Parse(p["learned_at"].StringValue, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
