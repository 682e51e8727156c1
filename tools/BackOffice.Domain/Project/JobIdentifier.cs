namespace BackOffice.Domain.Project;

/// <summary>
/// Issue 17: one job identifier for every report: a project job's id, number or name, case-insensitive, or a prefix of
/// its number or name that only one job has ("2026-10" is ambiguous, "2026-101" or "smith" is not).
/// </summary>
public static class JobIdentifier
{
    /// <summary>The job <paramref name="given"/> names, or null when none does or a prefix fits more than one.</summary>
    public static ProjectJob? Resolve(IEnumerable<ProjectJob> jobs, string given)
    {
        var all = jobs as IReadOnlyCollection<ProjectJob> ?? jobs.ToList();
        var exact = all.Where(j => Is(j.Id, given) || Is(j.Number, given) || Is(j.Name, given)).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? exact[0] : exact.FirstOrDefault(j => Is(j.Id, given));
        }

        var prefixed = all.Where(j => Starts(j.Number, given) || Starts(j.Name, given)).Take(2).ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    private static bool Is(string? value, string given) => string.Equals(value, given, StringComparison.OrdinalIgnoreCase);

    private static bool Starts(string? value, string given) =>
        given.Length > 0 && value is not null && value.StartsWith(given, StringComparison.OrdinalIgnoreCase);
}
