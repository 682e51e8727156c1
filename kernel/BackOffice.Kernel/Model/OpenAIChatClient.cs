using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace BackOffice.Kernel.Model;

/// <summary>
/// An <see cref="IChatClient"/> over the official OpenAI SDK's ChatClient, for any OpenAI-compatible endpoint, with tool
/// calls (issue 4; Microsoft.Extensions.AI.OpenAI is not in the registry). The SDK's own retries are switched off:
/// <see cref="ResilientChatClient"/> owns retry, timeout and the circuit, so they are configured in one place.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    public OpenAIChatClient(ModelOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds * 2),
        };
        // Local servers (Ollama, llama.cpp) take no key, but the SDK requires a credential: send a placeholder.
        var key = string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey;
        _client = new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
        _metadata = new ChatClientMetadata("openai", clientOptions.Endpoint, options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completionOptions = OpenAIMessageMapper.ToOptions(options);
        var result = await _client.CompleteChatAsync(messages.Select(OpenAIMessageMapper.ToOpenAI).ToList(), completionOptions, cancellationToken);
        return OpenAIMessageMapper.ToResponse(result.Value);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Narration needs whole texts (the firewall checks the complete narrative), so streaming is a single update.
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
