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

        var resource = ResourceBuilder.CreateDefault().AddService("backoffice");
        _tracer = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(BackOfficeTelemetry.Name)
            .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)).Build();
        _meter = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(BackOfficeTelemetry.Name)
            .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)).Build();
    }

    public bool Exporting => _tracer is not null;

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }
}
