using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace BackOffice.Tests.Memory;

/// <summary>
/// A loopback fake of the Qdrant REST endpoints memory uses (GET/PUT /collections/{c}, PUT .../index,
/// PUT .../points, POST .../points/search and .../points/scroll), with must/match filters and cosine scores.
/// </summary>
public sealed class LoopbackQdrant : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Dictionary<string, (float[] Vector, JsonObject Payload)>> _collections = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackQdrant()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Url = $"http://127.0.0.1:{port}/";
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public List<string> Requests { get; } = [];

    public IReadOnlyCollection<string> Collections { get { lock (_collections) { return _collections.Keys.ToList(); } } }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            var body = text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : new JsonObject();
            var (status, answer) = Handle(context.Request.HttpMethod, context.Request.Url!.AbsolutePath.Trim('/').Split('/'), body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(new JsonObject { ["result"] = answer, ["status"] = "ok", ["time"] = 0.001 }.ToJsonString()));
            context.Response.Close();
        }
    }

    private (int, JsonNode?) Handle(string method, string[] path, JsonObject body)
    {
        lock (_collections)
        {
            Requests.Add($"{method} /{string.Join('/', path)}");
            var name = path[1];
            var exists = _collections.TryGetValue(name, out var points);
            switch (method, path.Length > 2 ? string.Join('/', path[2..]) : "")
            {
                case ("GET", ""):
                    return exists ? (200, new JsonObject { ["status"] = "green" }) : (404, null);
                case ("PUT", ""):
                    _collections[name] = new(StringComparer.Ordinal);
                    return (200, true);
                case ("PUT", "index"):
                    return exists ? (200, new JsonObject { ["status"] = "completed" }) : (404, null);
                case ("PUT", "points"):
                    foreach (var p in body["points"]!.AsArray())
                    {
                        points![(string)p!["id"]!] = (p["vector"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray(), p["payload"]!.AsObject());
                    }

                    return (200, new JsonObject { ["status"] = "completed" });
                case ("POST", "points/search"):
                    var query = body["vector"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
                    return (200, new JsonArray(Matching(points!, body).Select(p => (JsonNode)new JsonObject
                    {
                        ["id"] = p.Key, ["score"] = Cosine(query, p.Value.Vector), ["payload"] = p.Value.Payload.DeepClone(),
                    }).OrderByDescending(n => n["score"]!.GetValue<double>()).Take(body["limit"]!.GetValue<int>()).ToArray()));
                case ("POST", "points/scroll"):
                    return (200, new JsonObject
                    {
                        ["points"] = new JsonArray(Matching(points!, body).Take(body["limit"]!.GetValue<int>())
                            .Select(p => (JsonNode)new JsonObject { ["id"] = p.Key, ["payload"] = p.Value.Payload.DeepClone() }).ToArray()),
                        ["next_page_offset"] = null,
                    });
                default:
                    return (404, null);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, (float[] Vector, JsonObject Payload)>> Matching(
        Dictionary<string, (float[] Vector, JsonObject Payload)> points, JsonObject body)
    {
        var must = body["filter"]?["must"]?.AsArray() ?? [];
        return points.Where(p => must.All(c => (string?)p.Value.Payload[(string)c!["key"]!] == (string)c["match"]!["value"]!));
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
