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
/// </summary>
public sealed class QdrantTenantMemory(QdrantClient client, string tenant, ITextEmbedder embedder, string collectionPrefix = "backoffice_") : ITenantMemory
{
    private bool _ready;

    public string Tenant { get; } = tenant;

    public string Collection => collectionPrefix + Tenant;

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
        await client.UpsertAsync(Collection, PointId(item.Kind, item.Key), await embedder.EmbedAsync(item.Text, cancellationToken), payload, cancellationToken);
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
        var hits = await client.SearchAsync(Collection, await embedder.EmbedAsync(text, cancellationToken), Must(kind, null), limit, cancellationToken);
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
