using BackOffice.Store.Exports;
using BackOffice.Store.Tenancy;
using BackOffice.Tools.Matching;

namespace BackOffice.Kernel.Exports;

/// <summary>The kinds of record a name in an export can refer to.</summary>
public static class NameEntity
{
    public const string Job = "job", Vendor = "vendor", Employee = "employee";
    public const string LedgerCustomer = "ledger-customer", LedgerVendor = "ledger-vendor", LedgerAccount = "ledger-account";
}

/// <summary>What a name is: a stored (or already imported) record, a new record, or unsure between candidates.</summary>
public sealed record NameAnswer(string? Id, bool IsNew, IReadOnlyList<string> Candidates)
{
    public bool IsUnsure => Id is null && !IsNew;
}

/// <summary>A name the importer will not guess: a person answers it once with <c>--name</c>, and it is remembered.</summary>
public sealed record UnsureName(string File, int Row, string Column, string Entity, string Name, IReadOnlyList<string> Candidates);

/// <summary>
/// Turns names in export files into record ids (issue 14) with the matcher the agents use (<see cref="CrossSystemMatcher"/>:
/// equal normalized names, then one clear fuzzy winner); a person's remembered answer comes first. Records created by
/// this import are candidates for the rows after them, so the second "Rivera Plumbing" row finds the first.
/// </summary>
public sealed class ExportNames
{
    private static readonly Dictionary<string, string> NoLinks = [];
    private readonly Dictionary<string, List<MatchCandidate>> _candidates = [];
    private readonly Dictionary<(string Entity, string Key), string?> _decisions = [];
    private readonly List<(string Entity, MatchCandidate Candidate)> _registered = [];

    public static async Task<ExportNames> LoadAsync(TenantData data, string source, CancellationToken cancellationToken)
    {
        var names = new ExportNames();
        names.Add(NameEntity.Job, (await data.Project.JobsAsync(cancellationToken)).Select(j => new MatchCandidate(j.Id, [j.Name])));
        names.Add(NameEntity.Vendor, (await data.Project.VendorsAsync(cancellationToken)).Select(v => new MatchCandidate(v.Id, [v.Name])));
        names.Add(NameEntity.Employee, (await data.Workforce.EmployeesAsync(cancellationToken)).Select(e => new MatchCandidate(e.Id, [e.Name])));
        names.Add(NameEntity.LedgerCustomer, (await data.Ledger.CustomersAsync(cancellationToken))
            .Select(c => new MatchCandidate(c.Id, [c.FullyQualifiedName, c.Name])));
        names.Add(NameEntity.LedgerVendor, (await data.Ledger.VendorsAsync(cancellationToken)).Select(v => new MatchCandidate(v.Id, [v.Name])));
        names.Add(NameEntity.LedgerAccount, (await data.Ledger.AccountsAsync(cancellationToken)).Select(a => new MatchCandidate(a.Id, [a.Name])));
        foreach (var decision in await data.ExportImports.NameDecisionsAsync(source, cancellationToken))
        {
            names._decisions[(decision.Entity, decision.NameKey)] = decision.RecordId;
        }

        return names;
    }

    public static string Key(string name) => NameNormalizer.Normalize(name);

    /// <summary>
    /// <paramref name="exactOnly"/> for a system's own master list (QuickBooks' vendor list is the authority on its
    /// vendors): two similar names there are two records, so only an equal normalized name is the same record.
    /// </summary>
    public NameAnswer Resolve(string entity, string name, bool exactOnly = false)
    {
        if (_decisions.TryGetValue((entity, Key(name)), out var decided))
        {
            return new NameAnswer(decided, decided is null, []);
        }

        var candidates = _candidates.GetValueOrDefault(entity) ?? [];
        var match = CrossSystemMatcher.Match("", name, candidates, NoLinks);
        if (match.IsConfident && (!exactOnly || match.Basis == MatchBasis.NormalizedName))
        {
            return new NameAnswer(match.LedgerId, false, []);
        }

        var unsure = match.Basis == MatchBasis.Ambiguous && (!exactOnly || match.Score == 1m);
        return unsure ? new NameAnswer(null, false, match.Candidates) : new NameAnswer(null, true, []);
    }

    public void Register(string entity, string id, string name)
    {
        var candidate = new MatchCandidate(id, [name]);
        Add(entity, [candidate]);
        _registered.Add((entity, candidate));
    }

    /// <summary>How many records this import registered so far; <see cref="Rollback"/> forgets those after a bad row.</summary>
    public int Mark => _registered.Count;

    public void Rollback(int mark)
    {
        foreach (var (entity, candidate) in _registered.Skip(mark))
        {
            _candidates[entity].Remove(candidate);
        }

        _registered.RemoveRange(mark, _registered.Count - mark);
    }

    private void Add(string entity, IEnumerable<MatchCandidate> candidates)
    {
        if (!_candidates.TryGetValue(entity, out var list))
        {
            _candidates[entity] = list = [];
        }

        list.AddRange(candidates);
    }
}
