using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BackOffice.Store.Memory;

/// <summary>
/// The few calls of Qdrant's documented REST API that memory needs (issue 4; Qdrant.Client is not in the registry):
/// GET/PUT /collections/{name}, PUT /collections/{name}/index, PUT /collections/{name}/points?wait=true,
/// POST /collections/{name}/points/search and /points/scroll. Authenticates with the "api-key" header when one is set.
/// </summary>
public sealed class QdrantClient(HttpClient http, string? apiKey = null)
{
    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"collections/{collection}", null, cancellationToken, allowNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Creates a cosine collection and keyword indexes on the given payload fields.</summary>
    public async Task CreateCollectionAsync(string collection, int dimensions, IEnumerable<string> keywordFields, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["vectors"] = new JsonObject { ["size"] = dimensions, ["distance"] = "Cosine" } };
        (await SendAsync(HttpMethod.Put, $"collections/{collection}", body, cancellationToken)).Dispose();
        foreach (var field in keywordFields)
        {
            var index = new JsonObject { ["field_name"] = field, ["field_schema"] = "keyword" };
            (await SendAsync(HttpMethod.Put, $"collections/{collection}/index?wait=true", index, cancellationToken)).Dispose();
        }
    }

    public async Task UpsertAsync(string collection, string id, float[] vector, JsonObject payload, CancellationToken cancellationToken)
    {
        var point = new JsonObject { ["id"] = id, ["vector"] = new JsonArray(vector.Select(v => (JsonNode)v).ToArray()), ["payload"] = payload };
        var body = new JsonObject { ["points"] = new JsonArray(point) };
        (await SendAsync(HttpMethod.Put, $"collections/{collection}/points?wait=true", body, cancellationToken)).Dispose();
    }

    /// <summary>Nearest points whose payload matches every (key, value) in <paramref name="must"/>.</summary>
    public async Task<IReadOnlyList<(JsonObject Payload, double Score)>> SearchAsync(
        string collection, float[] vector, IReadOnlyDictionary<string, string> must, int limit, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["vector"] = new JsonArray(vector.Select(v => (JsonNode)v).ToArray()),
            ["filter"] = Filter(must),
            ["limit"] = limit,
            ["with_payload"] = true,
        };
        var result = await ResultAsync(HttpMethod.Post, $"collections/{collection}/points/search", body, cancellationToken);
        return result!.AsArray().Select(p => (p!["payload"]!.AsObject(), p["score"]!.GetValue<double>())).ToList();
    }

    /// <summary>Points whose payload matches every (key, value) in <paramref name="must"/>, up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> ScrollAsync(
        string collection, IReadOnlyDictionary<string, string> must, int limit, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["filter"] = Filter(must), ["limit"] = limit, ["with_payload"] = true, ["with_vector"] = false };
        var result = await ResultAsync(HttpMethod.Post, $"collections/{collection}/points/scroll", body, cancellationToken);
        return result!["points"]!.AsArray().Select(p => p!["payload"]!.AsObject()).ToList();
    }

    private static JsonObject Filter(IReadOnlyDictionary<string, string> must) => new()
    {
        ["must"] = new JsonArray(must.Select(kv => (JsonNode)new JsonObject
        {
            ["key"] = kv.Key,
            ["match"] = new JsonObject { ["value"] = kv.Value },
        }).ToArray()),
    };

    private async Task<JsonNode?> ResultAsync(HttpMethod method, string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
            ?? throw new QdrantException($"{method} {path} answered with no body");
        return json["result"];
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("api-key", apiKey);
        }

        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.Dispose();
        throw new QdrantException($"{method} {path} failed with {(int)response.StatusCode}: {text}");
    }
}

public sealed class QdrantException(string message) : Exception(message);
