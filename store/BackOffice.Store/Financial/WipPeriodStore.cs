using BackOffice.Domain.Financial;
using BackOffice.Domain.Money;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Financial;

/// <summary>A period is closed once; closing it again is refused, never overwritten (issue 16).</summary>
public sealed class WipPeriodAlreadyClosedException(WipPeriodClose closed)
    : InvalidOperationException($"WIP period {closed.Period} was closed by {closed.ClosedBy} at {closed.ClosedAt}; a closed period is not closed again.")
{
    public WipPeriodClose Closed { get; } = closed;
}

/// <summary>Reads and writes wip_periods and wip_period_jobs (1620_wip_periods.sql, issue 16): the WIP figures of closed months.</summary>
public sealed class WipPeriodStore(TenantData tenant)
{
    private const string HeaderColumns = "period AS Period, as_of AS AsOf, closed_by AS ClosedBy, closed_at AS ClosedAt, "
        + "period_gross_profit_cents AS PeriodGrossProfit, sga_cents AS Sga, net_income_cents AS NetIncome";

    public async Task<WipPeriodClose?> GetAsync(string period, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition(
            $"SELECT {HeaderColumns} FROM wip_periods WHERE period = @period", new { period }, cancellationToken: cancellationToken));
        return row?.ToClose();
    }

    /// <summary>The latest period closed before <paramref name="period"/> (yyyy-MM sorts as text), or null.</summary>
    public async Task<WipPeriodClose?> LatestBeforeAsync(string period, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition(
            $"SELECT {HeaderColumns} FROM wip_periods WHERE period < @period ORDER BY period DESC LIMIT 1", new { period }, cancellationToken: cancellationToken));
        return row?.ToClose();
    }

    public async Task<IReadOnlyList<WipPeriodFigures>> FiguresAsync(string period, CancellationToken cancellationToken)
    {
        await using var connectionUnit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = connectionUnit.Connection;
        var rows = await connection.QueryAsync<FiguresRow>(new CommandDefinition(
            """
            SELECT job_id AS JobId, contract_cents AS Contract, estimated_cost_cents AS EstimatedCost, cost_to_date_cents AS CostToDate,
                   percent_bp AS PercentBp, earned_cents AS Earned, billed_cents AS Billed, gross_profit_cents AS GrossProfit,
                   loss_provision_cents AS LossProvision
            FROM wip_period_jobs WHERE period = @period ORDER BY job_id
            """, new { period }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToFigures()).ToList();
    }

    /// <summary>
    /// Stores a closed period and its figures in the caller's unit (with its audit event, so both commit or neither).
    /// Refuses a period that is already closed.
    /// </summary>
    public async Task CloseAsync(DataUnit unit, WipPeriodClose close, IReadOnlyList<WipPeriodFigures> figures, CancellationToken cancellationToken)
    {
        var existing = await unit.Connection.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition(
            $"SELECT {HeaderColumns} FROM wip_periods WHERE period = @Period", close, unit.Transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            throw new WipPeriodAlreadyClosedException(existing.ToClose());
        }

        await unit.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO wip_periods (period, as_of, closed_by, closed_at, period_gross_profit_cents, sga_cents, net_income_cents)
            VALUES (@Period, @asOf, @ClosedBy, @ClosedAt, @profit, @sga, @net)
            """,
            new
            {
                close.Period, asOf = close.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), close.ClosedBy, close.ClosedAt,
                profit = CentsOf(close.Income?.PeriodGrossProfit), sga = CentsOf(close.Income?.SellingGeneralAndAdministrative),
                net = CentsOf(close.Income?.NetIncome),
            },
            unit.Transaction, cancellationToken: cancellationToken));
        foreach (var f in figures)
        {
            await unit.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO wip_period_jobs (period, job_id, contract_cents, estimated_cost_cents, cost_to_date_cents, percent_bp, earned_cents,
                    billed_cents, gross_profit_cents, loss_provision_cents)
                VALUES (@period, @JobId, @contract, @estimated, @cost, @percent, @earned, @billed, @profit, @provision)
                """,
                new
                {
                    period = close.Period, f.JobId, contract = Cents.FromDollars(f.Contract), estimated = Cents.FromDollars(f.EstimatedTotalCost),
                    cost = Cents.FromDollars(f.CostToDate), percent = (long)(f.PercentComplete * 100m), earned = Cents.FromDollars(f.EarnedRevenue),
                    billed = Cents.FromDollars(f.BilledToDate), profit = Cents.FromDollars(f.GrossProfitToDate), provision = Cents.FromDollars(f.LossProvision),
                }, unit.Transaction, cancellationToken: cancellationToken));
        }
    }

    private static long? CentsOf(decimal? dollars) => dollars is { } d ? Cents.FromDollars(d) : null;

    private sealed class HeaderRow
    {
        public string Period { get; init; } = "";
        public string AsOf { get; init; } = "";
        public string ClosedBy { get; init; } = "";
        public string ClosedAt { get; init; } = "";
        public long? PeriodGrossProfit { get; init; }
        public long? Sga { get; init; }
        public long? NetIncome { get; init; }

        public WipPeriodClose ToClose() => new(Period, StoreDates.Parse(AsOf), ClosedBy, ClosedAt,
            Sga is null ? null : new WipPeriodIncome(Cents.ToDollars(PeriodGrossProfit ?? 0), Cents.ToDollars(Sga.Value), Cents.ToDollars(NetIncome ?? 0)));
    }

    private sealed class FiguresRow
    {
        public string JobId { get; init; } = "";
        public long Contract { get; init; }
        public long EstimatedCost { get; init; }
        public long CostToDate { get; init; }
        public long PercentBp { get; init; }
        public long Earned { get; init; }
        public long Billed { get; init; }
        public long GrossProfit { get; init; }
        public long LossProvision { get; init; }

        public WipPeriodFigures ToFigures() => new(
            JobId, Cents.ToDollars(Contract), Cents.ToDollars(EstimatedCost), Cents.ToDollars(CostToDate), PercentBp / 100m,
            Cents.ToDollars(Earned), Cents.ToDollars(Billed), Cents.ToDollars(GrossProfit), Cents.ToDollars(LossProvision));
    }
}
