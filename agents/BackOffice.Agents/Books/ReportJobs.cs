using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Books;

/// <summary>
/// Issue 17: one job identifier for every report, on both sides. A job is named by a project job's id, number or name,
/// or by the ledger customer it is (id, name or full name), in any case; failing an exact name, by a prefix only one
/// project job's number or name starts with, else only one ledger customer's. Linked through the shared identity
/// (<see cref="TenantBooks"/>), so "2026-102", "job-102" and "Harbor Point Partners LLC:Suite 300 TI" are one job.
/// Unknown or ambiguous: <see cref="UnknownJobException"/> naming the candidates.
/// </summary>
public static class ReportJobs
{
    private const int MaxCandidates = 10;

    /// <summary>The request's job, resolved once per report memo; null when the request names none.</summary>
    public static async Task<ReportJob?> ForAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Job))
        {
            return null;
        }

        // Issue 17: the caller resolved it already (the route checks the job before running the report): not twice.
        if (request.ResolvedJob is { } resolved)
        {
            return resolved;
        }

        return request.Memo is { } memo
            ? await memo.GetOrAddAsync("job:" + request.Job, () => LoadAsync(request.Data, request.Job, CancellationToken.None))
            : await LoadAsync(request.Data, request.Job, cancellationToken);
    }

    /// <summary>The job <paramref name="given"/> names, or null when it is empty; throws <see cref="UnknownJobException"/> otherwise.</summary>
    public static async Task<ReportJob?> ResolveAsync(TenantData data, string? given, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(given) ? null : await LoadAsync(data, given, cancellationToken);

    private static async Task<ReportJob> LoadAsync(TenantData data, string given, CancellationToken cancellationToken)
    {
        var books = await TenantBooks.LoadAsync(data, memory: null, cancellationToken);
        return Resolve(Entries(books), given.Trim());
    }

    private sealed record Entry(ReportJob Job, IReadOnlyList<string> Names, IReadOnlyList<string> Prefixable, bool Project);

    /// <summary>
    /// Issue 17: the job <paramref name="given"/> names in books already read, or null when it names none or several: the
    /// console's job picker shows it selected by the same rule the report ran with, without a second read.
    /// </summary>
    public static ReportJob? Find(TenantBooks books, string given) => Match(Entries(books), given.Trim()).Job;

    private static ReportJob Resolve(IReadOnlyList<Entry> entries, string given)
    {
        var (job, candidates, ambiguous) = Match(entries, given);
        return job ?? throw Candidates(given, candidates, ambiguous);
    }

    /// <summary>The one job named, else the candidates to name and whether the name fits several.</summary>
    private static (ReportJob? Job, IReadOnlyList<Entry> Candidates, bool Ambiguous) Match(IReadOnlyList<Entry> entries, string given)
    {
        var exact = entries.Where(e => e.Names.Any(n => Is(n, given))).ToList();
        if (exact.Count == 1)
        {
            return (exact[0].Job, exact, false);
        }

        // Two records named alike: the one whose id it is wins (ids are unique), else it is ambiguous.
        if (exact.Count > 1)
        {
            return (exact.FirstOrDefault(e => Is(e.Job.ProjectJobId, given))?.Job, exact, true);
        }

        foreach (var tier in new[] { entries.Where(e => e.Project), entries.Where(e => !e.Project) })
        {
            var prefixed = tier.Where(e => e.Prefixable.Any(n => n.StartsWith(given, StringComparison.OrdinalIgnoreCase))).ToList();
            if (prefixed.Count > 0)
            {
                return (prefixed.Count == 1 ? prefixed[0].Job : null, prefixed, prefixed.Count > 1);
            }
        }

        var containing = entries.Where(e => e.Prefixable.Any(n => n.Contains(given, StringComparison.OrdinalIgnoreCase))).ToList();
        return (null, containing.Count > 0 ? containing : [.. entries.Where(e => e.Project)], false);
    }

    private static UnknownJobException Candidates(string given, IReadOnlyList<Entry> entries, bool ambiguous) =>
        new(given, [.. entries.Take(MaxCandidates).Select(e => e.Job.Label)], ambiguous, Math.Max(0, entries.Count - MaxCandidates));

    /// <summary>Each project job with the ledger customer it is linked to, then each ledger customer no job claims.</summary>
    private static List<Entry> Entries(TenantBooks books)
    {
        var customers = books.Masters.LedgerCustomers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var entries = new List<Entry>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var j in books.Masters.Jobs.OrderBy(j => j.Number ?? j.Name, StringComparer.Ordinal))
        {
            var customer = books.Identity.Job(j).LedgerId is { } ledgerId && customers.TryGetValue(ledgerId, out var c) ? c : null;
            var label = string.IsNullOrEmpty(j.Number) ? j.Name : $"{j.Number} {j.Name}";
            // Issue 17: "2026-101 Smith Residence - Kitchen", as the picker and every job column show it, names the job too.
            var names = new[] { j.Id, j.Number, j.Name, label, customer?.Id, customer?.Name, customer?.FullyQualifiedName };
            entries.Add(new Entry(new ReportJob(label, j.Id, j.Number, customer is null ? [] : [customer.Id]), Clean(names), Clean([j.Number, j.Name]), Project: true));
            if (customer is not null)
            {
                claimed.Add(customer.Id);
            }
        }

        foreach (var c in books.Masters.LedgerCustomers.Where(c => !claimed.Contains(c.Id)).OrderBy(c => c.FullyQualifiedName, StringComparer.Ordinal))
        {
            var names = Clean([c.Id, c.Name, c.FullyQualifiedName]);
            entries.Add(new Entry(new ReportJob(c.FullyQualifiedName, null, null, [c.Id]), names, Clean([c.Name, c.FullyQualifiedName]), Project: false));
        }

        return entries;
    }

    private static string[] Clean(IEnumerable<string?> names) => [.. names.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];

    private static bool Is(string? value, string given) => string.Equals(value, given, StringComparison.OrdinalIgnoreCase);
}
