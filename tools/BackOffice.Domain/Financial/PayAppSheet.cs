namespace BackOffice.Domain.Financial;

/// <summary>
/// One G703 line of an owner pay application as stored (issue 16): <paramref name="WorkCompletedToDate"/> is installed
/// work (D + E), <paramref name="StoredMaterials"/> is materials presently stored (F); G = the two added.
/// </summary>
public sealed record PayAppLine(
    string Id, string PayAppId, string CostCode, string Description, decimal ScheduledValue, decimal WorkCompletedToDate, decimal StoredMaterials);

/// <summary>
/// The retainage percents that apply to a pay application: its own (on work, on stored material) when it states them,
/// else the job's contract default. Null means nobody stated one.
/// </summary>
public sealed record PayAppRetainageTerms(string PayAppId, string JobId, decimal? WorkPercent, decimal? StoredPercent, decimal? ContractPercent);
