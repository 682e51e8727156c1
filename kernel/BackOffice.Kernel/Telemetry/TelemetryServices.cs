using BackOffice.Kernel.Abstractions.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BackOffice.Kernel.Telemetry;

/// <summary>
/// Telemetry through OpenTelemetry.Extensions.Hosting's <c>AddOpenTelemetry()</c> (issue 15; before, providers built by
/// hand): when Telemetry:OtlpEndpoint is set, traces and metrics of the back office, Semantic Kernel and
/// Microsoft.Extensions.AI go to the OTLP collector. The providers live in the container, which flushes them when it
/// is disposed (a CLI command ends before the batch interval would).
/// </summary>
public static class TelemetryServices
{
    /// <summary>The activity sources and meters exported: ours, SK's ("Microsoft.SemanticKernel*") and M.E.AI's.</summary>
    public static IReadOnlyList<string> Sources { get; } =
        [BackOfficeTelemetry.Name, "Microsoft.SemanticKernel*", "Experimental.Microsoft.Extensions.AI*", "Microsoft.Extensions.AI*"];

    public static IServiceCollection AddBackOfficeTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        var endpoint = options.OtlpEndpoint;
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var http = options.OtlpProtocol == "http/protobuf";
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("backoffice"))
            .WithTracing(t => t.AddSource([.. Sources]).AddOtlpExporter(o => Configure(o, endpoint, http, "v1/traces")))
            .WithMetrics(m => m.AddMeter([.. Sources]).AddOtlpExporter(o => Configure(o, endpoint, http, "v1/metrics")));
        return services;
    }

    private static void Configure(OtlpExporterOptions o, string endpoint, bool http, string path)
    {
        // With HTTP the SDK does not append the signal path to an explicitly set endpoint, so it is added here.
        o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        o.Endpoint = http ? new Uri(new Uri(endpoint.TrimEnd('/') + "/"), path) : new Uri(endpoint);
    }
}
