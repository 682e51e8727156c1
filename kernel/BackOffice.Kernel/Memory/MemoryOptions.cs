namespace BackOffice.Kernel.Memory;

/// <summary>appsettings.json "Memory" (issue 4): where per-tenant memory lives.</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "Memory";

    /// <summary>"sqlite" (default: the tenant's own database) or "qdrant".</summary>
    public string Store { get; set; } = "sqlite";

    public string QdrantUrl { get; set; } = "";

    /// <summary>Also read from BACKOFFICE_QDRANT_KEY; never logged.</summary>
    public string QdrantApiKey { get; set; } = "";

    public string CollectionPrefix { get; set; } = "backoffice_";

    /// <summary>OpenAI-compatible embeddings when configured; the hashed n-gram embedder otherwise.</summary>
    public EmbeddingOptions Embeddings { get; set; } = new();

    public override string ToString() => Store == "qdrant" ? $"Memory in Qdrant at {QdrantUrl}" : "Memory in each tenant's SQLite database";
}
