namespace BackOffice.Kernel.Model;

/// <summary>
/// appsettings.json "Model" (issue 4). An empty <see cref="Endpoint"/> means no model: the offline narrator writes the
/// template narrative, and the product is fully useful with it. The key comes from here or from the environment
/// variable BACKOFFICE_MODEL_KEY; it is never logged (ToString leaves it out) and never stored.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";
    public const string KeyVariable = "BACKOFFICE_MODEL_KEY";

    /// <summary>Any OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public string Endpoint { get; set; } = "";

    public string Model { get; set; } = "gpt-4o-mini";

    public string ApiKey { get; set; } = "";

    /// <summary>Per-attempt timeout.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries on 429, 5xx, network errors and timeouts, with exponential backoff and jitter.</summary>
    public int MaxRetries { get; set; } = 3;

    public double RetryBaseDelaySeconds { get; set; } = 2;

    /// <summary>The longest Retry-After a 429/503 may ask for and still be waited for; a longer one falls back at once (issue 15).</summary>
    public double MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>The circuit opens after this many failures in a row-ish window and stays open for <see cref="BreakSeconds"/>.</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    public double BreakSeconds { get; set; } = 60;

    /// <summary>Model round trips per narration (each tool call answered costs one).</summary>
    public int MaxRounds { get; set; } = 4;

    /// <summary>Tokens (input + output) one sweep may spend; past it the rest of the sweep uses template narratives.</summary>
    public long MaxTokensPerSweep { get; set; } = 50_000;

    public int MaxOutputTokens { get; set; } = 400;

    /// <summary>Embedding model for memory when an endpoint is set; empty keeps the offline hashed n-gram embedder.</summary>
    public string EmbeddingModel { get; set; } = "";

    /// <summary>Per agent, the read-only tool plugins (tool class names, e.g. "CrossSystemMatcher") the model may call (issue 15).</summary>
    public Dictionary<string, string[]> AllowedPlugins { get; set; } = new(StringComparer.Ordinal);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public override string ToString() => $"Model {Model} at {(Enabled ? Endpoint : "(offline)")}";
}
