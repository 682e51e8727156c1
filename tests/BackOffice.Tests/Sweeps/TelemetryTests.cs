using System.Diagnostics;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Kernel.Telemetry;
using BackOffice.Tests.Support;
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
    public void Setup_HttpEndpoint_PostsTracesToTheCollector()
    {
        var requests = new System.Collections.Concurrent.ConcurrentQueue<(string Method, string Path, string? ContentType)>();
        // Answer every export (traces, then metrics) with 200 so that the exporter never waits for a timeout.
        using var collector = new LoopbackHttpApp(context =>
        {
            requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentType));
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });

        var options = new TelemetryOptions { OtlpEndpoint = collector.BaseUrl, OtlpProtocol = "http/protobuf" };
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
}
