using BackOffice.Domain.Memory;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 4: links people confirmed on earlier map.link proposals, remembered by the project record's normalized name,
/// fill in for project vendors and jobs that no explicit mapping covers. Explicit mappings (map_links, the tenant's
/// file) and links confirmed for the same id (financial_links) win; memory comes second; the matcher's name similarity
/// last. A remembered ledger id is used only while the ledger still has it active (a job: an active sub-customer or
/// project), so a merged or deactivated record is asked about again instead of being linked blindly.
/// </summary>
internal static class RememberedLinks
{
    public static FinancialData Apply(FinancialData data, IReadOnlyList<MemoryItem> remembered)
    {
        var byKey = remembered.Where(m => m.Value.Length > 0).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        if (byKey.Count == 0)
        {
            return data;
        }

        var vendorLinks = Fill("vendor", data.VendorLinks, data.Vendors.Values.Select(v => (v.Id, v.Name)), byKey,
            id => data.LedgerVendors.TryGetValue(id, out var v) && v.Active);
        var jobLinks = Fill("job", data.JobLinks, data.Jobs.Values.Select(j => (j.Id, j.Name)), byKey,
            id => data.LedgerCustomers.TryGetValue(id, out var c) && c.Active && (c.ParentId is not null || c.IsProject));
        // `with` shares the match caches of `data`, still empty: no check has matched anything yet.
        return data with { VendorLinks = vendorLinks, JobLinks = jobLinks };
    }

    private static Dictionary<string, string> Fill(
        string kind, IReadOnlyDictionary<string, string> links, IEnumerable<(string Id, string Name)> records,
        IReadOnlyDictionary<string, string> remembered, Func<string, bool> usable)
    {
        var filled = new Dictionary<string, string>(links, StringComparer.Ordinal);
        foreach (var (id, name) in records.Where(r => !links.ContainsKey(r.Id)))
        {
            if (remembered.TryGetValue(MemoryKinds.LinkKey(kind, NameNormalizer.Normalize(name)), out var ledgerId) && usable(ledgerId))
            {
                filled[id] = ledgerId;
            }
        }

        return filled;
    }
}
