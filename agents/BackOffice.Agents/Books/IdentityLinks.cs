using BackOffice.Domain.Ledger;
using BackOffice.Domain.Memory;
using BackOffice.Domain.Project;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Books;

/// <summary>
/// The links that settle identity before any name is compared (issue 12: one order of evidence for every agent).
/// Explicit mappings (map_links, the tenant's file) win; a link a person confirmed through the gate (financial_links)
/// fills in where they are silent (issue 3); a link remembered by the project record's normalized name (issue 4) comes
/// third, and only while the ledger still has that record active (a job: an active sub-customer or project), so a
/// merged or deactivated record is asked about again instead of being linked blindly. Names and fuzzy similarity
/// come after all three, in <see cref="CrossSystemMatcher"/>.
/// </summary>
internal static class IdentityLinks
{
    public static IReadOnlyDictionary<string, string> Merge(
        string kind, IReadOnlyList<CrossSystemLink> explicitLinks, IReadOnlyList<CrossSystemLink> confirmed,
        IReadOnlyDictionary<string, string> remembered, IEnumerable<(string Id, string Name)> records, Func<string, bool> usable)
    {
        // Insertion order is kept (explicit first, in file order), so a reverse lookup finds the same record as before issue 12.
        var merged = explicitLinks.Where(l => l.Kind == kind).ToDictionary(l => l.ProjectId, l => l.LedgerId, StringComparer.Ordinal);
        foreach (var link in confirmed.Where(l => l.Kind == kind))
        {
            merged.TryAdd(link.ProjectId, link.LedgerId);
        }

        if (remembered.Count == 0)
        {
            return merged;
        }

        foreach (var (id, name) in records.Where(r => !merged.ContainsKey(r.Id)).ToList())
        {
            if (remembered.TryGetValue(MemoryKinds.LinkKey(kind, NameNormalizer.Normalize(name)), out var ledgerId) && usable(ledgerId))
            {
                merged[id] = ledgerId;
            }
        }

        return merged;
    }

    /// <summary>Remembered links by key; an empty value is a forgotten link.</summary>
    public static IReadOnlyDictionary<string, string> Remembered(IReadOnlyList<MemoryItem> items) =>
        items.Where(m => m.Kind == MemoryKinds.Link && m.Value.Length > 0).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

    public static IEnumerable<(string Id, string Name)> Named(IEnumerable<ProjectVendor> vendors) => vendors.Select(v => (v.Id, v.Name));

    public static IEnumerable<(string Id, string Name)> Named(IEnumerable<ProjectJob> jobs) => jobs.Select(j => (j.Id, j.Name));
}
