using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Qdrant.Client.Grpc;

namespace BackOffice.Tests.Memory;

/// <summary>
/// A loopback fake of the Qdrant gRPC services memory uses (issue 15), speaking gRPC over HTTP/2 cleartext on 127.0.0.1
/// so the official Qdrant.Client talks to it unchanged. Messages are the client's own generated protobuf types (from
/// qdrant's collections.proto, points.proto and qdrant.proto); framing follows gRPC's "PROTOCOL-HTTP2" document (a
/// 1-byte compressed flag, a 4-byte big-endian length, the message; grpc-status in the trailers). Implements
/// qdrant.Qdrant/HealthCheck, qdrant.Collections/CollectionExists and Create, qdrant.Points/CreateFieldIndex, Upsert,
/// Scroll and Query (nearest by cosine) with must/keyword filters.
/// </summary>
public sealed class LoopbackQdrant : IDisposable
{
    private readonly Dictionary<string, Dictionary<string, (float[] Vector, PointStruct Point)>> _collections = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    public LoopbackQdrant()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        Map<HealthCheckRequest>("qdrant.Qdrant/HealthCheck", HealthCheckRequest.Parser, _ => new HealthCheckReply { Title = "qdrant (loopback)", Version = "1.15.0" });
        Map("qdrant.Collections/CollectionExists", CollectionExistsRequest.Parser, r => new CollectionExistsResponse { Result = new CollectionExists { Exists = Has(r.CollectionName) } });
        Map("qdrant.Collections/Create", CreateCollection.Parser, Create);
        Map("qdrant.Points/CreateFieldIndex", CreateFieldIndexCollection.Parser, r => Done(r.CollectionName));
        Map("qdrant.Points/Upsert", UpsertPoints.Parser, Upsert);
        Map("qdrant.Points/Scroll", ScrollPoints.Parser, Scroll);
        Map("qdrant.Points/Query", QueryPoints.Parser, Query);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>The gRPC address, e.g. http://127.0.0.1:PORT.</summary>
    public string Url { get; }

    /// <summary>Each call as "Service/Method collection".</summary>
    public List<string> Requests { get; } = [];

    public IReadOnlyCollection<string> Collections { get { lock (_collections) { return _collections.Keys.ToList(); } } }

    private void Map<TRequest>(string path, MessageParser<TRequest> parser, Func<TRequest, IMessage> handle)
        where TRequest : IMessage<TRequest> =>
        _app.MapPost("/" + path, async context =>
        {
            var request = parser.ParseFrom(await ReadFrameAsync(context.Request.Body, context.RequestAborted));
            IMessage reply;
            lock (_collections)
            {
                Requests.Add($"{path} {CollectionOf(request)}".TrimEnd());
                reply = handle(request);
            }

            context.Response.ContentType = "application/grpc";
            var bytes = reply.ToByteArray();
            var frame = new byte[5 + bytes.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)bytes.Length);
            bytes.CopyTo(frame, 5);
            await context.Response.Body.WriteAsync(frame, context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
        });

    private static async Task<byte[]> ReadFrameAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var all = buffer.ToArray();
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(all.AsSpan(1, 4));
        return all.AsSpan(5, length).ToArray();
    }

    private static string CollectionOf(IMessage request) =>
        request.Descriptor.FindFieldByName("collection_name")?.Accessor.GetValue(request) as string ?? "";

    private bool Has(string collection) => _collections.ContainsKey(collection);

    private CollectionOperationResponse Create(CreateCollection request)
    {
        _collections[request.CollectionName] = new(StringComparer.Ordinal);
        return new CollectionOperationResponse { Result = true };
    }

    private PointsOperationResponse Done(string collection) => Has(collection)
        ? new PointsOperationResponse { Result = new UpdateResult { OperationId = 1, Status = UpdateStatus.Completed } }
        : throw new InvalidOperationException($"no collection {collection}");

    private PointsOperationResponse Upsert(UpsertPoints request)
    {
        foreach (var point in request.Points)
        {
            _collections[request.CollectionName][point.Id.ToString()] = (DenseOf(point.Vectors.Vector), point);
        }

        return Done(request.CollectionName);
    }

    private ScrollResponse Scroll(ScrollPoints request)
    {
        var response = new ScrollResponse();
        response.Result.AddRange(Matching(request.CollectionName, request.Filter).Take(request.HasLimit ? (int)request.Limit : 10)
            .Select(p => new RetrievedPoint { Id = p.Point.Id, Payload = { p.Point.Payload } }));
        return response;
    }

    private QueryResponse Query(QueryPoints request)
    {
        var query = request.Query.Nearest.Dense.Data.ToArray();
        var response = new QueryResponse();
        response.Result.AddRange(Matching(request.CollectionName, request.Filter)
            .Select(p => new ScoredPoint { Id = p.Point.Id, Score = Cosine(query, p.Vector), Payload = { p.Point.Payload } })
            .OrderByDescending(p => p.Score).Take((int)(request.HasLimit ? request.Limit : 10)));
        return response;
    }

    /// <summary>A point's dense vector: newer clients send "dense", older ones the deprecated "data" field; either is accepted.</summary>
#pragma warning disable CS0612 // Vector.Data is deprecated in the proto, and still what a client may send.
    private static float[] DenseOf(Vector vector) => (vector.Dense?.Data ?? vector.Data).ToArray();
#pragma warning restore CS0612

    private IEnumerable<(float[] Vector, PointStruct Point)> Matching(string collection, Filter? filter) =>
        _collections[collection].Values.Where(p => (filter?.Must ?? []).All(c =>
            p.Point.Payload.TryGetValue(c.Field.Key, out var value) && value.StringValue == c.Field.Match.Keyword));

    private static float Cosine(float[] a, float[] b) => (float)a.Zip(b, (x, y) => (double)x * y).Sum();

    public void Dispose() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
