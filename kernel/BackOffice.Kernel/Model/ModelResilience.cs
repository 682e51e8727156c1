using System.ClientModel;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace BackOffice.Kernel.Model;

/// <summary>
/// The one retry/timeout/circuit discipline for every call to a model endpoint, chat and embeddings alike (issue 4):
/// a per-attempt timeout, retries with exponential backoff and jitter on 429, 5xx, network errors and timeouts, and a
/// circuit breaker that, once open, fails calls at once so that callers fall back without waiting.
/// </summary>
public static class ModelResilience
{
    public static ResiliencePipeline Pipeline(ModelOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        // Polly refuses MaxRetryAttempts = 0, which Model:MaxRetries allows: no retries means no retry strategy.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
            });
        }

        return builder
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

    /// <summary>Worth another try: rate limited, a server error, the network, or our own per-attempt timeout.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        ClientResultException c => c.Status is 429 or 408 or >= 500 or 0,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>Failures after which the caller falls back instead of failing: transient ones once retries are spent, an
    /// open circuit, any error status (401, 404: misconfigured, not worth failing a sweep over).</summary>
    public static bool IsUnavailable(Exception ex) => IsTransient(ex) || ex is BrokenCircuitException or ClientResultException;

    public static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit open after repeated model failures",
        TimeoutRejectedException => "model call timed out",
        ClientResultException c => $"model endpoint answered {c.Status}",
        _ => ex.GetType().Name,
    };
}
