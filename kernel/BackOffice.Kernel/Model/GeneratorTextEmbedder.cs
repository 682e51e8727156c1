using BackOffice.Domain.Memory;
using BackOffice.Kernel.Memory;
using Microsoft.Extensions.AI;

namespace BackOffice.Kernel.Model;

/// <summary>
/// Memory embeddings through Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> (issue 15;
/// before, a hand-written client over the OpenAI SDK): for an OpenAI-compatible /v1/embeddings endpoint the generator is
/// Microsoft.Extensions.AI.OpenAI's over the SDK's EmbeddingClient, whose HttpClient runs <see cref="ModelHttpHandler"/>
/// (retries, Retry-After, timeout, circuit). Inputs are redacted before they leave the process. Every failure that is
/// not the caller's cancellation surfaces as <see cref="ModelUnavailableException"/>, which
/// <see cref="FallbackTextEmbedder"/> turns into a hashed embedding in the other space. Vectors are L2-normalised here,
/// so stores can score by dot product even for servers whose models do not normalise.
/// </summary>
public sealed class GeneratorTextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string space, int dimensions) : ITextEmbedder
{
    public string Space { get; } = space;

    public int Dimensions { get; } = dimensions > 0
        ? dimensions
        : throw new ArgumentOutOfRangeException(nameof(dimensions), "Memory:Embeddings:Dimensions must be the model's vector length.");

    /// <summary>The generator for an OpenAI-compatible endpoint, in the space "openai:MODEL/DIMENSIONS".</summary>
    public static GeneratorTextEmbedder OpenAI(ResolvedEmbeddings settings, ModelOptions resilience, TimeProvider clock) =>
        new(KernelServices.OpenAIClient(settings.Endpoint, settings.ApiKey, resilience, clock).GetEmbeddingClient(settings.Model).AsIEmbeddingGenerator(),
            $"openai:{settings.Model}/{settings.Dimensions}", settings.Dimensions);

    public async Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        float[] vector;
        try
        {
            // Issue 15: embedding inputs leave the process too, so they are redacted like prompts.
            var result = await generator.GenerateAsync([Narration.Redactor.Redact(text)], cancellationToken: cancellationToken);
            vector = result[0].Vector.ToArray();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ModelResilience.IsUnavailable(ex))
        {
            throw new ModelUnavailableException(ModelResilience.Describe(ex), ex);
        }

        if (vector.Length != Dimensions)
        {
            throw new ModelUnavailableException($"embeddings endpoint answered {vector.Length} dimensions, configured {Dimensions}",
                new InvalidDataException("dimension mismatch"));
        }

        return new TextEmbedding(Space, Normalise(vector));
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
