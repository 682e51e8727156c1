using System.Security.Cryptography;
using System.Text;
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

    /// <summary>Same facts, same key (DESIGN.md rule 4); a prefix and 24 hex characters keep it within QuickBooks' 50.</summary>
    public static string IdempotencyKey(string prefix, JsonObject payload)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(BackOffice.Store.Audit.CanonicalJson.Serialize(payload)));
        return prefix + Convert.ToHexStringLower(hash)[..24];
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
