using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace BackOffice.Kernel.Model;

/// <summary>
/// The HTTP handler under SK's OpenAI connector (issue 15; before, the hand-written chat client did this): a per-attempt
/// timeout (the reply body included), retries with exponential backoff and jitter on 429, 408, 5xx and network errors,
/// honouring Retry-After up to Model:MaxRetryAfterSeconds (a longer one is not waited for), and a circuit breaker outside
/// the retries, so it counts failed calls, not attempts. SK's connector turns a custom HttpClient's SDK retries off.
/// </summary>
public sealed class ModelHttpHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ModelHttpHandler(ModelOptions options, TimeProvider clock)
        : base(new SocketsHttpHandler())
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
            FailureRatio = 0.5,
            MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
            SamplingDuration = TimeSpan.FromMinutes(2),
            BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.BreakSeconds)),
        });
        // Polly refuses MaxRetryAttempts = 0, which Model:MaxRetries allows: no retries means no retry strategy.
        if (options.MaxRetries > 0)
        {
            var maxWait = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome) && !(RetryAfter(args.Outcome.Result, clock) > maxWait)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            // The SDK's request content is buffered, so the same request can be sent again on a retry.
            return await _pipeline.ExecuteAsync(async ct =>
            {
                var response = await base.SendAsync(request, ct);
                await response.Content.LoadIntoBufferAsync(ct);
                return response;
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or BrokenCircuitException)
        {
            // Seen by the SDK and SK as what it is, a call that did not get through (SK reports it as HttpOperationException).
            throw new HttpRequestException(ModelResilience.Describe(ex), ex);
        }
    }

    /// <summary>Worth another try, and a failure for the circuit: rate limited, a server error, the network, a timeout.</summary>
    private static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout } or { StatusCode: >= HttpStatusCode.InternalServerError };

    /// <summary>The wait a 429 or 503 asks for in Retry-After (seconds, or an HTTP date; RFC 9110 section 10.2.3).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
