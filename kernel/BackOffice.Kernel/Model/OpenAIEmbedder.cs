using System.ClientModel;
using System.ClientModel.Primitives;
using BackOffice.Domain.Memory;
using BackOffice.Kernel.Memory;
using OpenAI;
using OpenAI.Embeddings;
using Polly;

namespace BackOffice.Kernel.Model;

/// <summary>
/// Memory embeddings from any OpenAI-compatible /v1/embeddings endpoint, over the official SDK's EmbeddingClient (issue 4),
/// with the chat client's retry/timeout/circuit discipline (<see cref="ModelResilience"/>). Every failure that is not the
/// caller's cancellation surfaces as <see cref="ModelUnavailableException"/>, which <see cref="FallbackTextEmbedder"/> turns
/// into a hashed embedding in the other space. Vectors are L2-normalised here, so stores can score by dot product even for
/// servers whose models do not normalise.
/// </summary>
public sealed class OpenAIEmbedder : ITextEmbedder
{
    private readonly EmbeddingClient _client;
    private readonly ResiliencePipeline _pipeline;

    public OpenAIEmbedder(ResolvedEmbeddings settings, ModelOptions resilience, TimeProvider clock)
    {
        if (settings.Dimensions <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "Memory:Embeddings:Dimensions must be the model's vector length.");
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.Endpoint),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(resilience.TimeoutSeconds * 2),
        };
        // Local servers (Ollama, llama.cpp) take no key, but the SDK requires a credential: send a placeholder.
        var key = string.IsNullOrEmpty(settings.ApiKey) ? "no-key" : settings.ApiKey;
        _client = new EmbeddingClient(settings.Model, new ApiKeyCredential(key), clientOptions);
        _pipeline = ModelResilience.Pipeline(resilience, clock);
        Dimensions = settings.Dimensions;
        Space = $"openai:{settings.Model}/{settings.Dimensions}";
    }

    public string Space { get; }

    public int Dimensions { get; }

    public async Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<float> floats;
        try
        {
            // Issue 15: embedding inputs leave the process too, so they are redacted like prompts.
            var safe = Narration.Redactor.Redact(text);
            var result = await _pipeline.ExecuteAsync(async ct => await _client.GenerateEmbeddingAsync(safe, null, ct), cancellationToken);
            floats = result.Value.ToFloats();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ModelResilience.IsUnavailable(ex))
        {
            throw new ModelUnavailableException(ModelResilience.Describe(ex), ex);
        }
        catch (FormatException ex)
        {
            // The SDK asks for encoding_format "base64" (and also reads a float array); anything else is unreadable.
            throw new ModelUnavailableException("embeddings endpoint answered an unreadable embedding", ex);
        }

        if (floats.Length != Dimensions)
        {
            throw new ModelUnavailableException($"embeddings endpoint answered {floats.Length} dimensions, configured {Dimensions}",
                new InvalidDataException("dimension mismatch"));
        }

        return new TextEmbedding(Space, Normalise(floats.ToArray()));
    }

    private static float[] Normalise(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }
}
