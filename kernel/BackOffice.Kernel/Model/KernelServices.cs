using System.ClientModel;
using System.ClientModel.Primitives;
using BackOffice.Kernel.Plugins;
using BackOffice.Kernel.Prompts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace BackOffice.Kernel.Model;

/// <summary>
/// The Semantic Kernel the back office talks to the model through (issue 15), registered once: SK's OpenAI chat
/// connector for any OpenAI-compatible endpoint over <see cref="ModelHttpHandler"/>, the filters (write refusal by
/// declared capability, allow-list, audit, token budget and round cap, prompt redaction and hash) and the read-only
/// tool plugins. <c>Kernel</c> comes from DI; each conversation clones it and adds its agent's plugins.
/// </summary>
public static class KernelServices
{
    public static IServiceCollection AddBackOfficeKernel(this IServiceCollection services)
    {
        services.AddSingleton(_ => ToolPlugins.Default());
        services.AddSingleton<IChatCompletionService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            var client = OpenAIClient(options.Endpoint, options.ApiKey, options, sp.GetRequiredService<TimeProvider>());
            return new AuditedChatCompletionService(new OpenAIChatCompletionService(options.Model, client));
        });
        services.AddSingleton<IFunctionInvocationFilter, WriteRefusalFilter>();
        services.AddSingleton<IFunctionInvocationFilter, AllowListFilter>();
        services.AddSingleton<IAutoFunctionInvocationFilter, ToolCallAuditFilter>();
        services.AddSingleton<IAutoFunctionInvocationFilter, TokenBudgetFilter>();
        services.AddSingleton<IPromptRenderFilter, PromptRedactionFilter>();
        services.AddKernel();
        return services;
    }

    /// <summary>An OpenAI SDK client for an OpenAI-compatible endpoint whose HTTP runs <see cref="ModelHttpHandler"/>.</summary>
    public static OpenAIClient OpenAIClient(string endpoint, string apiKey, ModelOptions resilience, TimeProvider clock)
    {
        var http = new HttpClient(new ModelHttpHandler(resilience, clock)) { Timeout = Timeout.InfiniteTimeSpan };
        // Local servers (Ollama, llama.cpp) take no key, but the SDK requires a credential: send a placeholder.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "no-key" : apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(endpoint),
            Transport = new HttpClientPipelineTransport(http),
            // Retries, timeouts and the circuit are ModelHttpHandler's, configured in one place.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });
    }

    /// <summary>The kernel without a host (tests, tools): the same registrations over the given options and clock.</summary>
    public static Microsoft.SemanticKernel.Kernel Build(ModelOptions options, TimeProvider clock) =>
        new ServiceCollection()
            .AddSingleton(Options.Create(options))
            .AddSingleton(clock)
            .AddBackOfficeKernel()
            .BuildServiceProvider()
            .GetRequiredService<Microsoft.SemanticKernel.Kernel>();
}
