using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Kernel.Telemetry;
using Microsoft.Extensions.Options;

namespace BackOffice.Tests.Sweeps;

public sealed class TelemetryTests
{
    [Fact]
    public void Setup_NoEndpoint_ExportsNothing()
    {
        using var setup = new TelemetrySetup(Options.Create(new TelemetryOptions()));
        Assert.False(setup.Exporting);
    }

    [Fact]
    public async Task Setup_HttpEndpoint_PostsTracesToTheCollector()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var requests = new System.Collections.Concurrent.ConcurrentQueue<(string Method, string Path, string? ContentType)>();
        var answering = Task.Run(async () =>
        {
            // Answer every export (traces, then metrics) so that the exporter never waits for a timeout.
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        using (var setup = new TelemetrySetup(Options.Create(new TelemetryOptions { OtlpEndpoint = $"http://127.0.0.1:{port}", OtlpProtocol = "http/protobuf" })))
        {
            Assert.True(setup.Exporting);
            using (BackOfficeTelemetry.Source.StartActivity("sweep"))
            {
                BackOfficeTelemetry.ToolCall("SubInvoiceBillTools.DraftBill")?.Dispose();
            }

            setup.Flush();
        }

        collector.Stop();
        await answering;
        Assert.Contains(("POST", "/v1/traces", "application/x-protobuf"), requests);
        Assert.Contains(requests, r => r.Path == "/v1/metrics");
    }

    [Fact]
    public void ToolCall_WithListener_StartsAnActivityNamedForTheTool()
    {
        var seen = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == BackOfficeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => seen.Add(a.DisplayName),
        };
        ActivitySource.AddActivityListener(listener);
        BackOfficeTelemetry.ToolCall("CrossSystemMatcher.Match")?.Dispose();
        Assert.Contains("tool CrossSystemMatcher.Match", seen);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
