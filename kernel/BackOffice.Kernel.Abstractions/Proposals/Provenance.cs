namespace BackOffice.Kernel.Abstractions.Proposals;

/// <summary>A record a figure was computed from: which side, which table, which id.</summary>
public sealed record SourceRef(string System, string Table, string Id);

/// <summary>
/// One computed figure with where it came from (DESIGN.md rule 1). <paramref name="Unit"/> is
/// "usd", "percent", "count" or "date"; <paramref name="Value"/> is invariant text ("1234.50", "2026-11-21").
/// </summary>
public sealed record Figure(string Name, string Value, string Unit, string Tool, IReadOnlyList<SourceRef> Sources)
{
    public static Figure Usd(string name, decimal amount, string tool, params SourceRef[] sources) =>
        new(name, amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "usd", tool, sources);

    public static Figure Percent(string name, decimal percent, string tool, params SourceRef[] sources) =>
        new(name, percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), "percent", tool, sources);

    public static Figure Date(string name, DateOnly date, string tool, params SourceRef[] sources) =>
        new(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "date", tool, sources);

    public static Figure Count(string name, long count, string tool, params SourceRef[] sources) =>
        new(name, count.ToString(System.Globalization.CultureInfo.InvariantCulture), "count", tool, sources);
}

/// <summary>The one JSON shape figures are stored and shown in (camelCase), for findings and proposals alike.</summary>
public static class FigureJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
