using System.Globalization;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a count figure in words (the console printed its unit, "Days past due: 269 count"). What is counted comes
/// from the figure's name: days, points of the collections score, weeks, lines, items...; a name that names nothing
/// countable leaves the number alone, with thousands separators.
/// </summary>
public static class CountText
{
    private static readonly (string Part, string One, string Many)[] Units =
    [
        ("days", "day", "days"), ("score", "point", "points"), ("weeks", "week", "weeks"), ("lines", "line", "lines"),
        ("line_count", "line", "lines"), ("items", "item", "items"), ("candidates", "candidate", "candidates"),
        ("commitments", "commitment", "commitments"), ("issues", "issue", "issues"), ("prices", "price", "prices"),
        ("estimates", "estimate", "estimates"), ("crew", "worker", "workers"),
    ];

    /// <summary>"269 days" for days_past_due, "272 points" for score, "1,204" for a name with no unit.</summary>
    public static string Of(string? name, string? value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return value ?? "";
        }

        var words = (name ?? "").Split('_', StringSplitOptions.RemoveEmptyEntries);
        var unit = Units.FirstOrDefault(u => u.Part.Contains('_', StringComparison.Ordinal) ? name == u.Part : words.Contains(u.Part, StringComparer.Ordinal));
        var number = count.ToString("N0", CultureInfo.InvariantCulture);
        return unit.Part is null ? number : $"{number} {(count is 1 or -1 ? unit.One : unit.Many)}";
    }
}
