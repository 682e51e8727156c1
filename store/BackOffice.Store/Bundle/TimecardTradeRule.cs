using System.Data.Common;
using Dapper;

namespace BackOffice.Store.Bundle;

/// <summary>
/// Issue 16: a timecard's own trade must be a trade the tenant knows, an employee's (employees.csv) or a burden
/// profile's (burden-profiles.csv), in any case, so a misspelt trade is refused naming the row instead of being
/// burdened at the company default. Trades come from this bundle's files, or from stored rows when a file is absent.
/// Issue 18: the rows stream past (<see cref="Observe"/>); only the trades and the lines of timecards naming one are kept.
/// </summary>
internal sealed class TimecardTradeRule
{
    private const string Timecards = "workforce/timecards.csv";
    private const string Employees = "workforce/employees.csv", Profiles = "workforce/burden-profiles.csv";

    /// <summary>The files <see cref="Observe"/> reads (issue 18).</summary>
    public static readonly string[] Files = [Timecards, Employees, Profiles];

    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int Line, string Trade)> _cards = [];

    public void Observe(RowValues row)
    {
        if (row.Spec.Path is Employees or Profiles && row.Value("trade") is string known)
        {
            _known.Add(known.Trim());
        }
        else if (row.Spec.Path == Timecards && row.Value("trade") is string trade && !string.IsNullOrWhiteSpace(trade))
        {
            _cards.Add((row.Row.Line, trade.Trim()));
        }
    }

    public async Task CheckAsync(
        IReadOnlySet<string> present, DbConnection connection, DbTransaction transaction, ErrorSink errors, CancellationToken cancellationToken)
    {
        if (_cards.Count == 0)
        {
            return;
        }

        await AddStoredTradesAsync(present, Employees, "workforce_employees", connection, transaction, cancellationToken);
        await AddStoredTradesAsync(present, Profiles, "workforce_burden_profiles", connection, transaction, cancellationToken);
        foreach (var (line, trade) in _cards.Where(c => !_known.Contains(c.Trade)))
        {
            errors.Add(Timecards, line, "trade",
                $"unknown trade '{trade}': expected an employee's trade (employees.csv) or a burden profile's (burden-profiles.csv), or empty for the employee's own");
        }
    }

    private async Task AddStoredTradesAsync(
        IReadOnlySet<string> present, string file, string table, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (present.Contains(file))
        {
            return;
        }

        var stored = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT trade FROM {table}", transaction: transaction, cancellationToken: cancellationToken));
        _known.UnionWith(stored.Select(t => t.Trim()));
    }
}
