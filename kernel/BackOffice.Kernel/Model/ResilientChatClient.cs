using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

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
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.BreakSeconds)),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await base.GetResponseAsync(list, options, ct), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (IsTransient(ex) || ex is BrokenCircuitException or ClientResultException))
        {
            throw new ModelUnavailableException(Describe(ex), ex);
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

    /// <summary>Worth another try: rate limited, a server error, the network, or our own per-attempt timeout.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        ClientResultException c => c.Status is 429 or 408 or >= 500 or 0,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    private static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit open after repeated model failures",
        TimeoutRejectedException => "model call timed out",
        ClientResultException c => $"model endpoint answered {c.Status}",
        _ => ex.GetType().Name,
    };
}

/// <summary>The model could not answer (after retries, on timeout, or with the circuit open); the caller falls back.</summary>
public sealed class ModelUnavailableException(string reason, Exception inner) : Exception(reason, inner);
