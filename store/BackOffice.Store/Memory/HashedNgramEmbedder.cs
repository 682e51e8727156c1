using System.Buffers.Binary;
using System.Text;
using BackOffice.Domain.Memory;

namespace BackOffice.Store.Memory;

/// <summary>
/// The offline default embedder (issue 4): character 3-grams and word unigrams/bigrams of the lower-cased text are
/// hashed (the hashing trick) into a fixed number of buckets with a hash-chosen sign, then L2-normalised. No model,
/// deterministic across processes, good enough to find "Rivera Plumbing rough-in" near "rivera plumbing LLC".
/// </summary>
public sealed class HashedNgramEmbedder(int dimensions = HashedNgramEmbedder.DefaultDimensions) : ITextEmbedder
{
    public const int DefaultDimensions = 256;

    /// <summary>The space name of the default embedder; memory rows written before spaces were recorded are in it (0850).</summary>
    public static string SpaceOf(int dimensions) => $"hashed-ngram-v1/{dimensions}";

    public int Dimensions { get; } = dimensions;

    public string Space => SpaceOf(Dimensions);

    public Task<TextEmbedding> EmbedAsync(string text, CancellationToken cancellationToken) => Task.FromResult(new TextEmbedding(Space, Embed(text)));

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var normal = new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
        var words = normal.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            Add(vector, "w:" + word);
            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Add(vector, "c:" + padded.Substring(i, 3));
            }
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            Add(vector, "b:" + words[i] + " " + words[i + 1]);
        }

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

    private void Add(float[] vector, string feature)
    {
        var hash = Fnv1a(Encoding.UTF8.GetBytes(feature));
        vector[(int)(hash % (ulong)Dimensions)] += (hash >> 63) == 0 ? 1f : -1f;
    }

    /// <summary>FNV-1a 64: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Cosine similarity of two L2-normalised vectors (their dot product).</summary>
    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * 4];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), vector[i]);
        }

        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / 4];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }

        return vector;
    }
}
