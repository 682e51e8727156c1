using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace BackOffice.Kernel.Model;

/// <summary>
/// The one retry/timeout/circuit discipline for every call to a model endpoint, chat and embeddings alike (issue 4):
/// a per-attempt timeout, retries with exponential backoff and jitter on 429, 5xx, network errors and timeouts, and a
/// circuit breaker that, once open, fails calls at once so that callers fall back without waiting.
/// Issue 15: a Retry-After header sets the wait (up to Model:MaxRetryAfterSeconds; a longer one is not waited for);
/// the circuit sits outside the retries, so it counts failed calls, not attempts, and one failing call no longer opens
/// it for the rest of a sweep; a 200 reply that cannot be read is a failed call the caller falls back from.
/// </summary>
public static class ModelResilience
{
    public static ResiliencePipeline Pipeline(ModelOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => IsTransient(ex) || IsUnreadable(ex)),
            FailureRatio = 0.5,
            MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
            SamplingDuration = TimeSpan.FromMinutes(2),
            BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.BreakSeconds)),
        });
        // Polly refuses MaxRetryAttempts = 0, which Model:MaxRetries allows: no retries means no retry strategy.
        if (options.MaxRetries > 0)
        {
            var maxWait = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => IsTransient(ex) && !(RetryAfter(ex) > maxWait)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } ex ? RetryAfter(ex) : null),
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }

    /// <summary>The wait a 429 or 503 asks for in Retry-After (seconds, or an HTTP date; RFC 9110 section 10.2.3).</summary>
    public static TimeSpan? RetryAfter(Exception ex)
    {
        if (ex is not ClientResultException c || c.GetRawResponse() is not { } response || !response.Headers.TryGetValue("Retry-After", out var value) || value is null)
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromSeconds(Math.Max(0, (at - DateTimeOffset.UtcNow).TotalSeconds))
            : null;
    }

    /// <summary>Worth another try: rate limited, a server error, the network, or our own per-attempt timeout.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        ClientResultException c => c.Status is 429 or 408 or >= 500 or 0,
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>A reply the SDK could not read: not JSON, no choices, a missing field (issue 15: a fallback, not a failed sweep).</summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException or KeyNotFoundException or IndexOutOfRangeException;

    /// <summary>Failures after which the caller falls back instead of failing: transient ones once retries are spent, an
    /// open circuit, any error status (401, 404: misconfigured, not worth failing a sweep over), an unreadable reply.</summary>
    public static bool IsUnavailable(Exception ex) => IsTransient(ex) || IsUnreadable(ex) || ex is BrokenCircuitException or ClientResultException;

    public static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit open after repeated model failures",
        TimeoutRejectedException => "model call timed out",
        ClientResultException c when RetryAfter(c) is { } wait => $"model endpoint answered {c.Status} and asked to wait {wait.TotalSeconds:0} s",
        ClientResultException c => $"model endpoint answered {c.Status}",
        _ when IsUnreadable(ex) => $"model endpoint answered a reply that cannot be read ({ex.GetType().Name})",
        _ => ex.GetType().Name,
    };
}
