using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Tools.Reconciliation;

namespace BackOffice.Agents.Financial;

/// <summary>Small helpers the Financial checks share: traced tool calls, provenance, stable keys.</summary>
internal static class FinancialFigures
{
    public static T Traced<T>(string tool, Func<T> call)
    {
        using var activity = BackOfficeTelemetry.ToolCall(tool);
        return call();
    }

    public static SourceRef Source(RecordRef record) => new(record.System, record.Table, record.Id);

    public static SourceRef[] Sources(IEnumerable<RecordRef> records) => records.Select(Source).ToArray();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
