using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;

namespace BackOffice.Kernel.Model;

/// <summary>
/// Wraps a chat client in Polly (issue 4): a per-attempt timeout, retries with exponential backoff on 429, 5xx, network
/// errors and timeouts, and a circuit breaker that, once open, fails calls at once. Callers (the model narrator) catch
/// <see cref="ModelUnavailableException"/> and fall back to the template narrative, so a sweep never fails because the model did.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;

    public ResilientChatClient(IChatClient inner, ModelOptions options, TimeProvider clock)
        : base(inner)
    {
        _pipeline = ModelResilience.Pipeline(options, clock);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await base.GetResponseAsync(list, options, ct), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ModelResilience.IsUnavailable(ex))
        {
            throw new ModelUnavailableException(ModelResilience.Describe(ex), ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }
}

/// <summary>The model could not answer (after retries, on timeout, or with the circuit open); the caller falls back.</summary>
public sealed class ModelUnavailableException(string reason, Exception inner) : Exception(reason, inner);
