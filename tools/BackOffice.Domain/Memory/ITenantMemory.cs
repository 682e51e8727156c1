namespace BackOffice.Domain.Memory;

/// <summary>
/// What one tenant's back office has learned from people (DESIGN.md section 5, issue 4): links they confirmed,
/// GL choices a finance lead made when editing a proposal, how past findings were resolved. One instance serves one
/// tenant; no method takes a tenant, so no call can reach another tenant's memory. Lives in Domain because agents
/// (through SweepContext), the store (which implements it) and the kernel all use it, and Domain is what they share.
/// </summary>
public interface ITenantMemory
{
    string Tenant { get; }

    /// <summary>Stores or replaces the item with the same kind and key.</summary>
    Task RememberAsync(MemoryItem item, CancellationToken cancellationToken);

    Task<MemoryItem?> GetAsync(string kind, string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemoryItem>> ListAsync(string kind, CancellationToken cancellationToken);

    /// <summary>The items most similar in meaning to <paramref name="text"/>, best first, optionally of one kind.</summary>
    Task<IReadOnlyList<MemoryMatch>> SearchAsync(string text, string? kind, int limit, CancellationToken cancellationToken);
}

/// <summary>Kinds of memory the product writes and reads.</summary>
public static class MemoryKinds
{
    /// <summary>Key "vendor:{ledgerVendorId}|cost-code:{code}", Value the GL account id a finance lead chose.</summary>
    public const string GlChoice = "gl-choice";

    /// <summary>Key <see cref="LinkKey"/> ("{vendor|job}|name:{normalized project name}"), Value the ledger id a person confirmed
    /// through a map.link proposal. Keyed by name, not project id: the id-keyed link is already kept in financial_links; what
    /// memory adds is that the next record with the same name (a re-keyed export, a second project system) needs no new question.</summary>
    public const string Link = "link";

    /// <summary>Key the finding key, Value "executed" or "rejected", Text what was decided and why.</summary>
    public const string Resolution = "resolution";

    public static string GlChoiceKey(string ledgerVendorId, string costCode) => $"vendor:{ledgerVendorId}|cost-code:{costCode}";

    /// <param name="normalizedName">The project-side name after the matcher's normalization (case, punctuation, legal suffixes).</param>
    public static string LinkKey(string kind, string normalizedName) => $"{kind}|name:{normalizedName}";
}

/// <param name="Text">What the item says, in words: embedded for search and shown to people.</param>
/// <param name="Value">The remembered value itself (an account id, a ledger id, an outcome).</param>
/// <param name="Source">Where it was learned, e.g. "proposal:12 edited by dana".</param>
public sealed record MemoryItem(string Kind, string Key, string Text, string Value, string Source, DateTimeOffset LearnedAt);

public sealed record MemoryMatch(MemoryItem Item, double Score);

/// <summary>Turns text into a fixed-length vector for similarity search.</summary>
public interface ITextEmbedder
{
    /// <summary>The vector space this embedder writes: its name and dimensions, e.g. "hashed-ngram-v1/256" or
    /// "openai:text-embedding-3-small/1536". Vectors of different spaces are never compared (issue 4).</summary>
    string Space { get; }

    int Dimensions { get; }

    /// <summary>The vector and the space it is in; a falling-back embedder may answer in another space than <see cref="Space"/>.</summary>
    Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken);
}

/// <summary>A vector and the space it belongs to: stored together so that a store never mixes spaces (issue 4).</summary>
public sealed record TextEmbedding(string Space, float[] Vector);
