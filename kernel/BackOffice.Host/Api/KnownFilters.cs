namespace BackOffice.Host.Api;

/// <summary>
/// Issue 17: a filter naming a state, risk, agent or severity that does not exist is an error naming it and what
/// exists, never an empty list that reads as "nothing to do". Shared by the API and the console's lists.
/// </summary>
public static class KnownFilters
{
    public static void Ensure(string what, string? value, IEnumerable<string> known, StringComparer? comparer = null)
    {
        var names = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrEmpty(value) && !names.Contains(value, comparer ?? StringComparer.Ordinal))
        {
            throw new UnknownFilterException(what, value, names);
        }
    }
}

/// <summary>An unknown filter value (400 from the API, an error page in the console, exit 2 in the CLI).</summary>
public sealed class UnknownFilterException(string what, string value, IReadOnlyList<string> known)
    : ArgumentException($"There is no {what} '{value}'. Known: {string.Join(", ", known)}.");
