using BackOffice.Domain.Ledger;
using BackOffice.Domain.Project;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Books;

/// <summary>
/// Answers "which ledger vendor (customer/job) is this?" once for every agent (issue 12), with one order of evidence:
/// explicit link > link confirmed through the gate > remembered link (<see cref="IdentityLinks"/>) > normalized name >
/// fuzzy similarity (<see cref="CrossSystemMatcher"/>, thresholds unchanged). Answers are memoized for the sweep:
/// several checks ask about the same vendor or job (issue 3 benchmark).
/// </summary>
public sealed class IdentityResolver
{
    private readonly Dictionary<string, EntityMatch> _vendorMatches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityMatch> _jobMatches = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<MatchCandidate> _vendorCandidates;
    private readonly IReadOnlyList<MatchCandidate> _jobCandidates;

    public IdentityResolver(BooksMasters masters, IReadOnlyDictionary<string, string> vendorLinks, IReadOnlyDictionary<string, string> jobLinks)
    {
        Masters = masters;
        VendorLinks = vendorLinks;
        JobLinks = jobLinks;
        _vendorCandidates = masters.LedgerVendors.Where(v => v.Active).Select(v => new MatchCandidate(v.Id, [v.Name])).ToList();
        // Jobs are QuickBooks sub-customers: match on the job's own name and on "Parent:Child".
        _jobCandidates = masters.LedgerCustomers.Where(c => c.ParentId is not null || c.IsProject)
            .Select(c => new MatchCandidate(c.Id, [c.Name, c.FullyQualifiedName.Replace(':', ' ')])).ToList();
    }

    public BooksMasters Masters { get; }

    /// <summary>Project vendor id -> ledger vendor id from explicit, confirmed and remembered links, in that order.</summary>
    public IReadOnlyDictionary<string, string> VendorLinks { get; }

    /// <summary>Project job id -> ledger customer id from explicit, confirmed and remembered links, in that order.</summary>
    public IReadOnlyDictionary<string, string> JobLinks { get; }

    public EntityMatch Vendor(ProjectVendor vendor) => Vendor(vendor.Id, vendor.Name);

    public EntityMatch Vendor(string projectId, string name) =>
        Memo(_vendorMatches, projectId, name, () => CrossSystemMatcher.Match(projectId, name, _vendorCandidates, VendorLinks));

    public EntityMatch Job(ProjectJob job) => Job(job.Id, job.Name);

    public EntityMatch Job(string projectId, string name) =>
        Memo(_jobMatches, projectId, name, () => CrossSystemMatcher.Match(projectId, name, _jobCandidates, JobLinks));

    /// <summary>Project job id -> ledger customer id, for the jobs that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> JobMap() =>
        Masters.Jobs.Select(j => (j.Id, Match: Job(j))).Where(m => m.Match.IsConfident)
            .ToDictionary(m => m.Id, m => m.Match.LedgerId!, StringComparer.Ordinal);

    /// <summary>Project vendor id -> ledger vendor id, for the vendors that resolve confidently.</summary>
    public IReadOnlyDictionary<string, string> VendorMap() =>
        Masters.Vendors.Select(v => (v.Id, Match: Vendor(v))).Where(m => m.Match.IsConfident)
            .ToDictionary(m => m.Id, m => m.Match.LedgerId!, StringComparer.Ordinal);

    /// <summary>The ledger vendor a name on a document refers to: a ledger name as is, a project name through links or matching.</summary>
    public LedgerVendor? LedgerVendorNamed(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var key = NameNormalizer.Normalize(name);
        var direct = Masters.LedgerVendors.Where(v => v.Active && NameNormalizer.Normalize(v.Name) == key).ToList();
        if (direct.Count == 1)
        {
            return direct[0];
        }

        var project = ProjectVendorNamed(name);
        var match = Vendor(project?.Id ?? "", name);
        return match.IsConfident ? Masters.LedgerVendors.Single(v => v.Id == match.LedgerId) : null;
    }

    /// <summary>The project vendor a name refers to: its own name, a linked ledger name, else one clearly similar name.</summary>
    public ProjectVendor? ProjectVendorNamed(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var key = NameNormalizer.Normalize(name);
        var exact = Masters.Vendors.Where(v => NameNormalizer.Normalize(v.Name) == key).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var ledger = Masters.LedgerVendors.FirstOrDefault(v => NameNormalizer.Normalize(v.Name) == key);
        var linked = ledger is null ? null : VendorLinks.Where(l => l.Value == ledger.Id).Select(l => l.Key).FirstOrDefault();
        if (linked is not null)
        {
            return Masters.Vendors.FirstOrDefault(v => v.Id == linked);
        }

        // Issue 12: the matcher's scorer, the only name-similarity scorer (was a plain token Jaccard here).
        var similar = Masters.Vendors.Where(v => FuzzySimilarity.Score(v.Name, name) >= CrossSystemMatcher.SimilarityThreshold).ToList();
        return similar.Count == 1 ? similar[0] : null;
    }

    /// <summary>The project job a ledger customer is: a link to it, else the one job that resolves to it.</summary>
    public ProjectJob? ProjectJobForLedger(string? ledgerCustomerId)
    {
        var linked = JobLinks.Where(l => l.Value == ledgerCustomerId).Select(l => l.Key).FirstOrDefault();
        return linked is not null
            ? Masters.Jobs.FirstOrDefault(j => j.Id == linked)
            : Masters.Jobs.SingleOrDefault(j => ledgerCustomerId is not null && Job(j).LedgerId == ledgerCustomerId);
    }

    private static EntityMatch Memo(Dictionary<string, EntityMatch> cache, string projectId, string name, Func<EntityMatch> match)
    {
        // A name-only question (no project id) is not memoized: its answer belongs to the name, not to a record.
        if (projectId.Length == 0)
        {
            return match();
        }

        var key = projectId + "\n" + name;
        if (!cache.TryGetValue(key, out var found))
        {
            found = match();
            cache[key] = found;
        }

        return found;
    }
}
