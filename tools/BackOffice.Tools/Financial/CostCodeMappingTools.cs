using System.ComponentModel;
using BackOffice.Domain.Ledger;

namespace BackOffice.Tools.Financial;

/// <summary>A cost code whose GL mapping cannot be trusted, and why.</summary>
public sealed record MappingProblem(string CostCode, string? AccountId, string Problem);

/// <summary>
/// Cost code to GL account validation (issue 3): every cost code the project side uses must map to an active cost
/// account, or bills drafted for it and the variance report's actuals land in the wrong place.
/// </summary>
public static class CostCodeMappingTools
{
    private static readonly HashSet<string> CostTypes = new(StringComparer.OrdinalIgnoreCase) { "Cost of Goods Sold", "Expense", "Other Expense" };

    [Description("Check that each cost code in use maps to an existing, active cost-of-goods-sold or expense account.")]
    public static IReadOnlyList<MappingProblem> Validate(
        [Description("Cost codes used by budgets, commitments or sub invoices")] IReadOnlyCollection<string> costCodesInUse,
        [Description("Cost code -> GL account id map")] IReadOnlyDictionary<string, string> mapping,
        [Description("The chart of accounts")] IReadOnlyList<LedgerAccount> accounts)
    {
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var problems = new List<MappingProblem>();
        foreach (var code in costCodesInUse.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!mapping.TryGetValue(code, out var accountId))
            {
                problems.Add(new MappingProblem(code, null, "has no GL account"));
            }
            else if (!byId.TryGetValue(accountId, out var account))
            {
                problems.Add(new MappingProblem(code, accountId, $"maps to {accountId}, which is not in the chart of accounts"));
            }
            else if (!account.Active)
            {
                problems.Add(new MappingProblem(code, accountId, $"maps to {account.Name} ({accountId}), which is inactive"));
            }
            else if (!CostTypes.Contains(account.Type))
            {
                problems.Add(new MappingProblem(code, accountId, $"maps to {account.Name} ({accountId}), a {account.Type} account, not a cost account"));
            }
        }

        return problems;
    }
}
