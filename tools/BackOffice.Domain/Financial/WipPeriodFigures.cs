namespace BackOffice.Domain.Financial;

/// <summary>
/// One job's WIP figures to date as stored when a period is closed (issue 16, 1620_wip_periods.sql), so the next
/// period's revenue, cost and gross profit are this period's figures less these. <paramref name="GrossProfitToDate"/>
/// is the GAAP figure (the whole anticipated loss recognised at once, ASC 605-35-25-46); the percent-complete share of
/// a loss is earned revenue less cost to date and needs no column of its own.
/// </summary>
/// <param name="PercentComplete">Cost-to-cost percent as displayed, two places (stored as basis points).</param>
public sealed record WipPeriodFigures(
    string JobId, decimal Contract, decimal EstimatedTotalCost, decimal CostToDate, decimal PercentComplete,
    decimal EarnedRevenue, decimal BilledToDate, decimal GrossProfitToDate, decimal LossProvision);

/// <summary>
/// A closed WIP period: its month (yyyy-MM), the date its figures are as of, who closed it and when, and (issue 16,
/// 1635_wip_period_income.sql) the company's income as signed; null for periods closed before it was stored.
/// </summary>
public sealed record WipPeriodClose(string Period, DateOnly AsOf, string ClosedBy, string ClosedAt, WipPeriodIncome? Income = null);

/// <summary>The company's income of a closed period as stored: period gross profit (as configured), SG&amp;A, net income.</summary>
public sealed record WipPeriodIncome(decimal PeriodGrossProfit, decimal SellingGeneralAndAdministrative, decimal NetIncome);
