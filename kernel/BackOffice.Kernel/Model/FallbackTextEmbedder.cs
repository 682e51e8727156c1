using BackOffice.Domain.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Kernel.Model;

/// <summary>
/// The configured embedder, or the offline one when it is unavailable (issue 4): memory is help, so a sweep never fails
/// because the embeddings endpoint did. The answer says which space it is in (<see cref="TextEmbedding.Space"/>), and the
/// stores never compare or mix spaces: SQLite scores a query only against rows of its space, Qdrant skips a fallback vector.
/// </summary>
public sealed partial class FallbackTextEmbedder(ITextEmbedder primary, ITextEmbedder fallback, ILogger logger) : ITextEmbedder
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private int _fallbacks;

    public string Space => primary.Space;

    public int Dimensions => primary.Dimensions;

    /// <summary>How many texts were embedded by the fallback since start.</summary>
    public int Fallbacks => Volatile.Read(ref _fallbacks);

    public async Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            return await primary.EmbedAsync(text, cancellationToken);
        }
        catch (ModelUnavailableException ex)
        {
            Interlocked.Increment(ref _fallbacks);
            LogFallback(primary.Space, fallback.Space, ex.Message);
            return await fallback.EmbedAsync(text, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedder {Space} unavailable, embedding in {FallbackSpace}: {Reason}")]
    private partial void LogFallback(string space, string fallbackSpace, string reason);
}
