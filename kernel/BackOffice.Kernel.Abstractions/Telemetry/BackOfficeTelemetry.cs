using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BackOffice.Kernel.Abstractions.Telemetry;

/// <summary>
/// The product's traces and metrics. Everything is emitted through the BCL's ActivitySource and Meter, so nothing
/// costs more than a null check unless the host's AddOpenTelemetry() (TelemetryServices) attached an exporter.
/// </summary>
public static class BackOfficeTelemetry
{
    public const string Name = "BackOffice";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Sweeps = Meter.CreateCounter<long>("backoffice.sweeps", description: "Agent sweeps run, by agent and outcome");

    public static readonly Histogram<double> SweepDuration =
        Meter.CreateHistogram<double>("backoffice.sweep.duration", unit: "s", description: "Wall time of one agent sweep");

    public static readonly Counter<long> ToolCalls = Meter.CreateCounter<long>("backoffice.tool.calls", description: "Tool plugin calls, by tool");

    public static readonly Counter<long> ProposalsCreated =
        Meter.CreateCounter<long>("backoffice.proposals.created", description: "Proposals created, by agent and action kind");

    /// <summary>Traces one tool plugin call and counts it; agents wrap each tool they call in this.</summary>
    public static Activity? ToolCall(string tool)
    {
        ToolCalls.Add(1, new KeyValuePair<string, object?>("tool", tool));
        var activity = Source.StartActivity("tool " + tool);
        activity?.SetTag("tool", tool);
        return activity;
    }

    public static readonly Counter<long> Executions =
        Meter.CreateCounter<long>("backoffice.executions", description: "Proposal executions and undos, by action kind and outcome");
}
