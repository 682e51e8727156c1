using System.ClientModel;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace BackOffice.Kernel.Model;

/// <summary>
/// Which failures of a model call the caller falls back from, and how they are described (issue 4). The retries,
/// per-attempt timeout, Retry-After and the circuit are <see cref="ModelHttpHandler"/>'s, under the SDK (issue 15), for
/// chat and embeddings alike; what reaches the caller is the SDK's or Semantic Kernel's exception around them.
/// </summary>
public static class ModelResilience
{
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
    /// open circuit, any error status (401, 404: misconfigured, not worth failing a sweep over), an unreadable reply,
    /// also when SK or the SDK wrapped them.</summary>
    public static bool IsUnavailable(Exception ex) =>
        IsTransient(ex) || IsUnreadable(ex) || ex is BrokenCircuitException or ClientResultException or Microsoft.SemanticKernel.HttpOperationException
        || (ex.InnerException is { } inner && IsUnavailable(inner));

    public static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException => "circuit open after repeated model failures",
        TimeoutRejectedException => "model call timed out",
        ClientResultException { InnerException: HttpRequestException h } => Describe(h),
        ClientResultException c => $"model endpoint answered {c.Status}",
        Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } status } => $"model endpoint answered {(int)status}",
        Microsoft.SemanticKernel.HttpOperationException { InnerException: { } inner } => Describe(inner),
        HttpRequestException { InnerException: TimeoutRejectedException or BrokenCircuitException } h => h.Message,
        HttpRequestException h => $"model endpoint unreachable: {h.Message}",
        _ when IsUnreadable(ex) => $"model endpoint answered a reply that cannot be read ({ex.GetType().Name})",
        _ => ex.GetType().Name,
    };
}

/// <summary>The model could not answer (after retries, on timeout, or with the circuit open); the caller falls back.</summary>
public sealed class ModelUnavailableException(string reason, Exception inner) : Exception(reason, inner);
