using BackOffice.Kernel.Abstractions.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BackOffice.Kernel.Telemetry;

/// <summary>
/// Attaches the OTLP exporter when an endpoint is configured. OpenTelemetry.Extensions.Hosting is not in the
/// package registry, so the providers are built here and disposed with the container (which flushes them).
/// </summary>
public sealed class TelemetrySetup : IDisposable
{
    private readonly TracerProvider? _tracer;
    private readonly MeterProvider? _meter;

    public TelemetrySetup(IOptions<TelemetryOptions> options)
    {
        var endpoint = options.Value.OtlpEndpoint;
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var http = options.Value.OtlpProtocol == "http/protobuf";
        var resource = ResourceBuilder.CreateDefault().AddService("backoffice");
        _tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(BackOfficeTelemetry.Name)
            .AddOtlpExporter(o => Configure(o, endpoint, http, "v1/traces")).Build();
        _meter = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(BackOfficeTelemetry.Name)
            .AddOtlpExporter(o => Configure(o, endpoint, http, "v1/metrics")).Build();
    }

    /// <summary>Sends what is buffered now (a CLI command ends before the batch interval would).</summary>
    public void Flush()
    {
        _tracer?.ForceFlush();
        _meter?.ForceFlush();
    }

    private static void Configure(OpenTelemetry.Exporter.OtlpExporterOptions o, string endpoint, bool http, string path)
    {
        // With HTTP the SDK does not append the signal path to an explicitly set endpoint, so it is added here.
        o.Protocol = http ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        o.Endpoint = http ? new Uri(new Uri(endpoint.TrimEnd('/') + "/"), path) : new Uri(endpoint);
    }

    public bool Exporting => _tracer is not null;

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
