using BackOffice.Domain.Memory;
using BackOffice.Kernel.Memory;
using BackOffice.Kernel.Model;
using BackOffice.Kernel.Narration;
using BackOffice.Kernel.Plugins;
using BackOffice.Kernel.Prompts;
using BackOffice.Store.Audit;
using BackOffice.Store.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackOffice.Host.Composition;

/// <summary>The model connection, narration and memory (issue 4). With no Model:Endpoint the offline template narrator is used.</summary>
public static class ModelServices
{
    public static void AddBackOfficeModel(this IHostApplicationBuilder builder)
    {
        AddModelOptions(builder);
        AddMemoryOptions(builder);
        AddNarration(builder.Services);
    }

    private static void AddModelOptions(IHostApplicationBuilder builder) =>
        builder.Services.AddOptions<ModelOptions>().Bind(builder.Configuration.GetSection(ModelOptions.SectionName))
            .PostConfigure(o =>
            {
                // The key may come from the environment only, so it never has to be written into a file.
                var key = Environment.GetEnvironmentVariable(ModelOptions.KeyVariable);
                if (!string.IsNullOrEmpty(key))
                {
                    o.ApiKey = key;
                }
            })
            .Validate(o => !o.Enabled || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Model:Endpoint must be an absolute URL or empty (offline)")
            .Validate(o => ToolPlugins.Default().Unknown(o.AllowedPlugins).Count == 0,
                $"Model:AllowedPlugins names a plugin that is not a read-only tool plugin (they are: {string.Join(", ", ToolPlugins.ReadOnlyTools.Select(t => t.Name))})")
            .Validate(o => o.TimeoutSeconds > 0 && o.MaxRounds > 0 && o.MaxTokensPerSweep > 0 && o.MaxRetries >= 0,
                "Model: TimeoutSeconds, MaxRounds and MaxTokensPerSweep must be positive, MaxRetries not negative")
            .ValidateOnStart();

    private static void AddMemoryOptions(IHostApplicationBuilder builder) =>
        builder.Services.AddOptions<MemoryOptions>().Bind(builder.Configuration.GetSection(MemoryOptions.SectionName))
            .PostConfigure(o =>
            {
                o.QdrantApiKey = Environment.GetEnvironmentVariable("BACKOFFICE_QDRANT_KEY") is { Length: > 0 } k ? k : o.QdrantApiKey;
                o.Embeddings.ApiKey = Environment.GetEnvironmentVariable(EmbeddingOptions.KeyVariable) is { Length: > 0 } e ? e : o.Embeddings.ApiKey;
            })
            .Validate(o => string.IsNullOrWhiteSpace(o.Embeddings.Endpoint) || Uri.TryCreate(o.Embeddings.Endpoint, UriKind.Absolute, out _),
                "Memory:Embeddings:Endpoint must be an absolute URL or empty")
            .Validate<IOptions<ModelOptions>>((o, m) => o.Embeddings.Resolve(m.Value) is null || o.Embeddings.Dimensions > 0,
                "Memory:Embeddings:Dimensions must be the embedding model's vector length when an embeddings endpoint and model are set")
            .Validate(o => o.Store is "sqlite" or "qdrant", "Memory:Store must be sqlite or qdrant")
            .Validate(o => o.Store != "qdrant" || Uri.TryCreate(o.QdrantUrl, UriKind.Absolute, out _), "Memory:QdrantUrl must be an absolute URL")
            .ValidateOnStart();

    /// <summary>Prompts, plugins, the embedder, memory and the narrator: the model narrator when Model:Endpoint is set, else offline.</summary>
    private static void AddNarration(IServiceCollection services)
    {
        services.AddSingleton(_ => PromptLibrary.Default());
        services.AddBackOfficeKernel();
        services.AddSingleton<ITextEmbedder>(sp =>
        {
            var model = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            var embeddings = sp.GetRequiredService<IOptions<MemoryOptions>>().Value.Embeddings.Resolve(model);
            return embeddings is null
                ? new HashedNgramEmbedder()
                : new FallbackTextEmbedder(GeneratorTextEmbedder.OpenAI(embeddings, model, sp.GetRequiredService<TimeProvider>()), new HashedNgramEmbedder(),
                    sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FallbackTextEmbedder>>());
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MemoryOptions>>().Value;
            // Issue 15: Qdrant's gRPC port (6334 by default), through the official client.
            var qdrant = options.Store == "qdrant" ? new Qdrant.Client.QdrantClient(new Uri(options.QdrantUrl), options.QdrantApiKey) : null;
            return new TenantMemoryFactory(options, sp.GetRequiredService<ITextEmbedder>(), qdrant);
        });
        services.AddSingleton<INarrator>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            if (!options.Enabled)
            {
                return new TemplateNarrator();
            }

            return new ModelNarrator(sp.GetRequiredService<Microsoft.SemanticKernel.Kernel>(), sp.GetRequiredService<PromptLibrary>(),
                sp.GetRequiredService<ToolPlugins>(), options);
        });
        // Issue 15: `ask` and the console's question box, over the same kernel and filters as narration.
        services.AddSingleton<BackOffice.Kernel.Ask.QuestionAnswerer>();
        services.AddSingleton(sp => new NarrationService(
            sp.GetRequiredService<INarrator>(), sp.GetRequiredService<AuditStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ModelOptions>>().Value.MaxTokensPerSweep));
    }
}
