using System.Globalization;
using System.Text.Json.Nodes;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Agents.Workforce;

/// <summary>Figure and key helpers of the Workforce agent.</summary>
internal static class WorkforceFigures
{
    /// <summary>Hours as a figure: unit "hours", invariant text with up to 4 decimals (the bundle's precision).</summary>
    public static Figure Hours(string name, decimal hours, string tool, params SourceRef[] sources) =>
        new(name, hours.ToString("0.####", CultureInfo.InvariantCulture), "hours", tool, sources);

    public static string H(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
