namespace BackOffice.Tools.PayApps;

/// <summary>
/// One schedule-of-values line of a period (issue 16): AIA G703 columns A-F as inputs. <paramref name="PreviousWork"/> is
/// column D (the prior application's D + E, installed work only); <paramref name="StoredMaterials"/> is column F, the
/// balance on hand at period end (not additions), so material installed this period moves from F to E.
/// <paramref name="RetainagePercent"/> is set only where a line carries its own (variable) rate.
/// </summary>
public sealed record SovLine(
    string ItemNo, string Description, decimal ScheduledValue, decimal PreviousWork, decimal ThisPeriodWork, decimal StoredMaterials,
    decimal? RetainagePercent = null, decimal? StoredRetainagePercent = null);

/// <summary>Retainage rates of a pay application, in percent: on completed work (G702 line 5a) and on stored material (5b).</summary>
public sealed record RetainageRates(decimal CompletedWorkPercent, decimal StoredMaterialPercent)
{
    public static RetainageRates Flat(decimal percent) => new(percent, percent);
}

/// <summary>
/// The G702 Change Order Summary box: additions and deductions approved in previous months and this month, as positive
/// amounts. <see cref="NetChange"/> feeds G702 line 2.
/// </summary>
public sealed record ChangeOrderSummary(decimal PreviousAdditions, decimal PreviousDeductions, decimal ThisMonthAdditions, decimal ThisMonthDeductions)
{
    public static ChangeOrderSummary None { get; } = new(0m, 0m, 0m, 0m);

    public decimal TotalAdditions => PreviousAdditions + ThisMonthAdditions;

    public decimal TotalDeductions => PreviousDeductions + ThisMonthDeductions;

    public decimal NetChange => TotalAdditions - TotalDeductions;
}

/// <summary>
/// One AIA G703 continuation-sheet row, columns A-I. <paramref name="PercentComplete"/> is G / C in percent, rounded to
/// two places half away from zero for display only (nothing is computed from it); 0 when C is 0.
/// </summary>
public sealed record G703Line(
    string ItemNo, string Description, decimal ScheduledValue, decimal PreviousWork, decimal ThisPeriodWork, decimal StoredMaterials,
    decimal CompletedAndStored, decimal PercentComplete, decimal BalanceToFinish, decimal Retainage);

/// <summary>
/// The AIA G702 summary lines 1-9 (line 5 split into 5a on completed work and 5b on stored material).
/// <paramref name="PercentComplete"/> is line 4 / line 3 in percent, two places, display only.
/// </summary>
public sealed record G702Summary(
    decimal OriginalContractSum, decimal NetChangeByChangeOrders, decimal ContractSumToDate, decimal TotalCompletedAndStored,
    decimal RetainageOnCompletedWork, decimal RetainageOnStoredMaterial, decimal TotalRetainage, decimal TotalEarnedLessRetainage,
    decimal PreviousCertificates, decimal CurrentPaymentDue, decimal BalanceToFinishIncludingRetainage, decimal PercentComplete);

/// <summary>A computed pay application: the G702 summary, its G703 sheet (with a totals view) and what went in.</summary>
public sealed record PayAppPacket(G702Summary Summary, IReadOnlyList<G703Line> Lines, ChangeOrderSummary ChangeOrders, RetainageRates Rates)
{
    /// <summary>The G703 "GRAND TOTAL" row.</summary>
    public G703Line Totals => new("", "GRAND TOTAL", Lines.Sum(l => l.ScheduledValue), Lines.Sum(l => l.PreviousWork),
        Lines.Sum(l => l.ThisPeriodWork), Lines.Sum(l => l.StoredMaterials), Lines.Sum(l => l.CompletedAndStored),
        Summary.PercentComplete, Lines.Sum(l => l.BalanceToFinish), Lines.Sum(l => l.Retainage));
}
