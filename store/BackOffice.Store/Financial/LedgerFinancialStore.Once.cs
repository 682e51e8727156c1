using System.Text.Json;
using BackOffice.Domain.Financial;
using BackOffice.Domain.Ledger;
using BackOffice.Store.Records;
using Dapper;

namespace BackOffice.Store.Financial;

/// <summary>What a full Financial sweep reads of the bills and of cost, from one read of the bill lines (issue 18).</summary>
/// <param name="Bills">As <see cref="LedgerStore.BillsByAccountAndJobAsync"/> gives them.</param>
/// <param name="CostTotals">As <see cref="LedgerFinancialStore.CostTotalsAsync(DateOnly, CancellationToken)"/> gives them.</param>
/// <param name="CostExceptions">As <see cref="LedgerFinancialStore.CostExceptionsAsync(IReadOnlyCollection{string}, CancellationToken)"/> gives them.</param>
public sealed record BillsAndCost(IReadOnlyList<LedgerBill> Bills, IReadOnlyList<CostTotal> CostTotals, IReadOnlyList<CostPosting> CostExceptions);

public sealed partial class LedgerFinancialStore
{
    /// <summary>
    /// Issue 18: the bills by account and job, the cost totals as of <paramref name="asOf"/> and the cost exceptions of
    /// <paramref name="closedCustomers"/>, from one plain scan of ledger_bill_lines folded as it streams
    /// (<see cref="BillLineFold"/>): the three reads each joined every line to its bill and sorted or grouped them all,
    /// which was most of a full sweep's time. The journal lines keep their SQL (the same SQL, its bill half left out).
    /// </summary>
    public async Task<BillsAndCost> BillsAndCostAsync(DateOnly asOf, IReadOnlyCollection<string> closedCustomers, CancellationToken cancellationToken)
    {
        BillLineFold fold;
        await using (var unit = await tenant.OpenUnitAsync(cancellationToken))
        {
            var connection = unit.Connection;
            var costAccounts = (await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT id FROM ledger_accounts WHERE type IN {CostTypes}", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
            var mapped = (await connection.QueryAsync<(string CostCode, string AccountId)>(new CommandDefinition(
                "SELECT cost_code, account_id FROM map_cost_code_accounts", cancellationToken: cancellationToken))).ToDictionary(m => m.CostCode, m => m.AccountId, StringComparer.Ordinal);
            var bills = (await connection.QueryAsync<LedgerStore.BillRow>(new CommandDefinition(LedgerStore.ActiveBillsSql, cancellationToken: cancellationToken))).ToList();
            fold = new BillLineFold(bills, asOf, costAccounts, mapped, closedCustomers);
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                $"SELECT {BillLineFold.Columns} FROM ledger_bill_lines", cancellationToken: cancellationToken));
            while (await reader.ReadAsync(cancellationToken))
            {
                fold.Add(reader);
            }
        }

        var journalTotals = await TotalsWhereAsync(asOf, "", null, withBills: false, cancellationToken);
        var journalExceptions = await PostingsWhereAsync(null, CostExceptionWhere(""), new { Customers = JsonSerializer.Serialize(closedCustomers) }, cancellationToken);
        return new BillsAndCost(fold.Bills(), fold.CostTotals(journalTotals), fold.CostExceptions(journalExceptions));
    }
}
