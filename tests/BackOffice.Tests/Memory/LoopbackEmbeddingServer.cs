using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Store.Memory;
using BackOffice.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Tests.Memory;

/// <summary>
/// A loopback server (127.0.0.1, a port the kernel picks) speaking OpenAI's POST /v1/embeddings (issue 4): request
/// {"model", "input", "encoding_format"}, answer {"object":"list","data":[{"object":"embedding","index":0,"embedding":...}],
/// "model","usage":{"prompt_tokens","total_tokens"}}, the embedding a base64 string of little-endian float32 when
/// encoding_format is "base64" (the official SDK always asks for it) and a float array otherwise. Its "model" is the hashed
/// embedder at <see cref="Dimensions"/> dimensions, scaled so it is not unit length. Scripted statuses answer first.
/// </summary>
public sealed class LoopbackEmbeddingServer : IDisposable
{
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly HashedNgramEmbedder _model;
    private readonly LoopbackHttpApp _app;

    public LoopbackEmbeddingServer(int dimensions = 64)
    {
        Dimensions = dimensions;
        _model = new HashedNgramEmbedder(dimensions);
        _app = new LoopbackHttpApp(AnswerAsync);
        Endpoint = $"{_app.BaseUrl}/v1";
    }

    public string Endpoint { get; }

    public int Dimensions { get; }

    /// <summary>Answer with this many dimensions instead (a misconfigured model).</summary>
    public int? AnswerDimensions { get; set; }

    /// <summary>Ignore encoding_format and always send a float array, as some OpenAI-compatible servers do.</summary>
    public bool AlwaysFloats { get; set; }

    /// <summary>When set, every request fails with this status (the endpoint is down).</summary>
    public int? Down { get; set; }

    public ConcurrentQueue<(string Path, JsonObject Body)> Requests { get; } = new();

    public void Fail(int status) => _failures.Enqueue(status);

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var path = context.Request.Path.Value ?? "";
        Requests.Enqueue((path, body));
        var (status, answer) = Down is { } down ? (down, Error())
            : _failures.TryDequeue(out var failure) ? (failure, Error())
            : path == "/v1/embeddings" ? (200, Answer(body)) : (404, Error());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer);
    }

    private static string Error() => """{"error":{"message":"scripted failure","type":"server_error"}}""";

    private string Answer(JsonObject request)
    {
        var input = InputOf(request)!;
        var vector = new HashedNgramEmbedder(AnswerDimensions ?? Dimensions).Embed(input).Select(v => v * 3f).ToArray();
        JsonNode embedding = !AlwaysFloats && (string?)request["encoding_format"] == "base64"
            ? JsonValue.Create(Convert.ToBase64String(HashedNgramEmbedder.ToBytes(vector)))
            : new JsonArray(vector.Select(v => (JsonNode)v).ToArray());
        var tokens = input.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["object"] = "embedding", ["index"] = 0, ["embedding"] = embedding }),
            ["model"] = (string?)request["model"],
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString();
    }

    /// <summary>What the server's model makes of a text, unit length, for comparing with what the client got.</summary>
    public float[] Expected(string text) => _model.Embed(text);

    public void Dispose() => _app.Dispose();

    /// <summary>The text to embed: OpenAI's API takes "input" as a string or an array of strings (M.E.AI sends an array of one).</summary>
    public static string? InputOf(JsonNode request) =>
        request["input"] is JsonArray array ? (string?)array[0] : (string?)request["input"];
}
