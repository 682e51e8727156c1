using System.Data.Common;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 16: a timecard's own trade must be a trade the tenant knows, an employee's (employees.csv) or a burden
/// profile's (burden-profiles.csv), in any case, so a misspelt trade is refused naming the row instead of being
/// burdened at the company default. Trades come from this bundle's files, or from stored rows when a file is absent.
/// </summary>
internal static class TimecardTradeRule
{
    private const string Timecards = "workforce/timecards.csv";

    public static async Task CheckAsync(
        IReadOnlyDictionary<string, ParsedTable> tables, DbConnection connection, DbTransaction transaction, ErrorSink errors,
        CancellationToken cancellationToken)
    {
        if (!tables.TryGetValue(Timecards, out var cards) || cards.Rows.All(r => string.IsNullOrWhiteSpace(cards.Value(r, "trade") as string)))
        {
            return;
        }

        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await AddTradesAsync(known, tables, "workforce/employees.csv", "workforce_employees", connection, transaction, cancellationToken);
        await AddTradesAsync(known, tables, "workforce/burden-profiles.csv", "workforce_burden_profiles", connection, transaction, cancellationToken);
        foreach (var row in cards.Rows)
        {
            if (cards.Value(row, "trade") is string trade && !string.IsNullOrWhiteSpace(trade) && !known.Contains(trade.Trim()))
            {
                errors.Add(Timecards, row.Line, "trade",
                    $"unknown trade '{trade.Trim()}': expected an employee's trade (employees.csv) or a burden profile's (burden-profiles.csv), or empty for the employee's own");
            }
        }
    }

    private static async Task AddTradesAsync(
        HashSet<string> known, IReadOnlyDictionary<string, ParsedTable> tables, string file, string table, DbConnection connection,
        DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (tables.TryGetValue(file, out var parsed))
        {
            known.UnionWith(parsed.Rows.Select(r => parsed.Value(r, "trade") as string).OfType<string>().Select(t => t.Trim()));
            return;
        }

        var stored = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT trade FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
        known.UnionWith(stored.Select(t => t.Trim()));
    }
}
