using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Domain.Memory;

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
        var payload = new JsonObject
        {
            ["tenant"] = Tenant,
            ["kind"] = item.Kind,
            ["key"] = item.Key,
            ["text"] = item.Text,
            ["value"] = item.Value,
            ["source"] = item.Source,
            ["learned_at"] = item.LearnedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        var embedding = await embedder.EmbedAsync(item.Text, cancellationToken);
        if (embedding.Space != embedder.Space)
        {
            Skipped++;
            return;
        }

        payload["space"] = embedding.Space;
        await client.UpsertAsync(Collection, PointId(item.Kind, item.Key), embedding.Vector, payload, cancellationToken);
    }

    public async Task<MemoryItem?> GetAsync(string kind, string key, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var points = await client.ScrollAsync(Collection, Must(kind, key), 1, cancellationToken);
        return points.Select(ToItem).FirstOrDefault();
    }

    public async Task<IReadOnlyList<MemoryItem>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var points = await client.ScrollAsync(Collection, Must(kind, null), 1000, cancellationToken);
        return points.Select(ToItem).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<MemoryMatch>> SearchAsync(string text, string? kind, int limit, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var query = await embedder.EmbedAsync(text, cancellationToken);
        if (query.Space != embedder.Space)
        {
            return [];
        }

        var hits = await client.SearchAsync(Collection, query.Vector, Must(kind, null), limit, cancellationToken);
        return hits.Select(h => new MemoryMatch(ToItem(h.Payload), h.Score)).ToList();
    }

    private Dictionary<string, string> Must(string? kind, string? key)
    {
        var must = new Dictionary<string, string> { ["tenant"] = Tenant };
        if (kind is not null)
        {
            must["kind"] = kind;
        }

        if (key is not null)
        {
            must["key"] = key;
        }

        return must;
    }

    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        if (!await client.CollectionExistsAsync(Collection, cancellationToken))
        {
            await client.CreateCollectionAsync(Collection, embedder.Dimensions, ["tenant", "kind", "key"], cancellationToken);
        }

        _ready = true;
    }

    /// <summary>Qdrant ids are unsigned integers or UUIDs: a UUID from the hash of (kind, key) makes upsert replace.</summary>
    private static string PointId(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    private static MemoryItem ToItem(JsonObject p) => new(
        (string)p["kind"]!, (string)p["key"]!, (string)p["text"]!, (string)p["value"]!, (string)p["source"]!,
        DateTimeOffset.Parse((string)p["learned_at"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
