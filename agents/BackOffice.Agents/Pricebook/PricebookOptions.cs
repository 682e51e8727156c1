namespace BackOffice.Agents.Pricebook;

/// <summary>The pricebook agent's thresholds, from appsettings.json <c>Agents:pricebook</c> (issue 8).</summary>
public sealed class PricebookOptions
{
    public const string SectionName = "Agents:pricebook";

    /// <summary>A cost change above this percent, up or down, is flagged and proposed on its own for a person to look at.</summary>
    public decimal ChangeThresholdPercent { get; set; } = 10m;

    /// <summary>A vendor price effective more than this many days ago is stale: shown, never proposed.</summary>
    public int StaleAfterDays { get; set; } = 90;

    public bool IsValid => ChangeThresholdPercent >= 0m && StaleAfterDays > 0;
}
