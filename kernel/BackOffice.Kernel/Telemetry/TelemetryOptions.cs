namespace BackOffice.Kernel.Telemetry;

public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP endpoint, e.g. http://localhost:4317. Empty: nothing is exported.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>"grpc" (the OTLP default, port 4317) or "http/protobuf" (port 4318, paths /v1/traces and /v1/metrics).</summary>
    public string OtlpProtocol { get; set; } = "grpc";
}
