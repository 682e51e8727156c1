using BackOffice.Kernel.Model;

namespace BackOffice.Kernel.Memory;

/// <summary>
/// appsettings.json "Memory:Embeddings" (issue 4): an OpenAI-compatible /v1/embeddings endpoint for memory. Empty
/// Endpoint falls back to Model:Endpoint; empty Model falls back to Model:EmbeddingModel; with no endpoint or no model
/// the offline hashed n-gram embedder is used. The key comes from here, BACKOFFICE_EMBEDDINGS_KEY, or the Model key.
/// </summary>
public sealed class EmbeddingOptions
{
    public const string KeyVariable = "BACKOFFICE_EMBEDDINGS_KEY";

    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The model's vector length (text-embedding-3-small: 1536). Required: Qdrant collections are sized before the
    /// first call, and every answer is checked against it.</summary>
    public int Dimensions { get; set; }

    /// <summary>The endpoint, model and key to use, or null for the offline embedder.</summary>
    public ResolvedEmbeddings? Resolve(ModelOptions model)
    {
        var endpoint = string.IsNullOrWhiteSpace(Endpoint) ? model.Endpoint : Endpoint;
        var name = string.IsNullOrWhiteSpace(Model) ? model.EmbeddingModel : Model;
        if (string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return new ResolvedEmbeddings(endpoint, name, string.IsNullOrEmpty(ApiKey) ? model.ApiKey : ApiKey, Dimensions);
    }

    public override string ToString() => $"Embeddings {Model} at {(string.IsNullOrWhiteSpace(Endpoint) ? "(model endpoint)" : Endpoint)}";
}

/// <param name="ApiKey">Never logged: <see cref="ToString"/> leaves it out.</param>
public sealed record ResolvedEmbeddings(string Endpoint, string Model, string ApiKey, int Dimensions)
{
    public override string ToString() => $"{Model}/{Dimensions} at {Endpoint}";
}
