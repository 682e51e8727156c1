namespace BackOffice.Kernel.Telemetry;

public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>OTLP endpoint, e.g. http://localhost:4317. Empty: nothing is exported.</summary>
    public string OtlpEndpoint { get; set; } = "";
}
