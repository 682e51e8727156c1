using BackOffice.Domain.Memory;
using BackOffice.Domain.Project;

namespace BackOffice.Agents.Financial;

/// <summary>
/// Issue 4: applies what a finance lead taught by editing a drafted bill. The cost-code table (mappings/cost-code-accounts.csv)
/// says where a cost code goes for every vendor; a lead's edit says where it goes for one vendor, so for that vendor and
/// cost code the remembered account is used, and the narrative says why. A remembered account is used only if the chart
/// of accounts still has it active; otherwise the table's account stands.
/// </summary>
internal static class LearnedGl
{
    public static (IReadOnlyDictionary<string, string> Accounts, string Why) AccountsFor(
        string ledgerVendorId, SubInvoice invoice, FinancialData data, IReadOnlyList<MemoryItem> learned)
    {
        if (learned.Count == 0)
        {
            return (data.CostCodeAccounts, "");
        }

        var active = data.Accounts.Where(a => a.Active).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var byKey = learned.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var accounts = new Dictionary<string, string>(data.CostCodeAccounts, StringComparer.Ordinal);
        var why = new List<string>();
        foreach (var code in invoice.Lines.Select(l => l.CostCode).Distinct())
        {
            if (byKey.TryGetValue(MemoryKinds.GlChoiceKey(ledgerVendorId, code), out var memory) && active.Contains(memory.Value)
                && accounts.GetValueOrDefault(code) != memory.Value)
            {
                accounts[code] = memory.Value;
                var name = data.Accounts.First(a => a.Id == memory.Value).Name;
                why.Add($"cost code {code} goes to {name} because a finance lead chose it for this vendor on an earlier bill ({memory.Source})");
            }
        }

        return (accounts, why.Count == 0 ? "" : " Remembered: " + string.Join("; ", why) + ".");
    }
}
