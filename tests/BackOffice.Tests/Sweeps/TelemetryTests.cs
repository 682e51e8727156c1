using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Kernel.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BackOffice.Tests.Sweeps;

public sealed class TelemetryTests
{
    [Fact]
    public void Setup_NoEndpoint_ExportsNothing()
    {
        using var services = new ServiceCollection().AddBackOfficeTelemetry(new TelemetryOptions()).BuildServiceProvider();
        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
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
                // A Dispose between the IsListening check and GetContextAsync throws InvalidOperationException ("call Start()").
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var options = new TelemetryOptions { OtlpEndpoint = $"http://127.0.0.1:{port}", OtlpProtocol = "http/protobuf" };
        using (var services = new ServiceCollection().AddBackOfficeTelemetry(options).BuildServiceProvider())
        {
            // Issue 15: AddOpenTelemetry's providers, as the host and the CLI resolve them.
            var tracer = services.GetRequiredService<TracerProvider>();
            var meter = services.GetRequiredService<MeterProvider>();
            using (BackOfficeTelemetry.Source.StartActivity("sweep"))
            {
                BackOfficeTelemetry.ToolCall("SubInvoiceBillTools.DraftBill")?.Dispose();
            }

            tracer.ForceFlush();
            meter.ForceFlush();
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
