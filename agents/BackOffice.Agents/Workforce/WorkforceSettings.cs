namespace BackOffice.Agents.Workforce;

/// <summary>A workforce setting in configuration that cannot be used as written.</summary>
public sealed class WorkforceConfigurationException(string message) : Exception(message);

/// <summary>
/// The Workforce agent's settings (issue 7), read from configuration by key so that one tenant can differ from the rest:
/// `Tenants:NAME:Agents:workforce:KEY` wins over `Agents:workforce:KEY`, which wins over the default. Keys:
/// WorkweekStart (a day name, default Monday: the FLSA workweek is any fixed 7-day period the employer sets, 29 CFR
/// 778.105), HoursTolerance (clocked vs claimed, default 0.25), ForecastWeeks (default 6), HoursPerCrewWeek (default 40),
/// MinimumWage (issue 16: the minimum wage an hour California rest-period pay is owed at least, Labor Code 226.2; default
/// California's $16.90 of 2026; a payroll line's minimum_wage wins over it).
/// </summary>
public sealed class WorkforceSettings(Func<string, string?> setting)
{
    public static WorkforceSettings Default { get; } = new(_ => null);

    public DayOfWeek WorkweekStart(string tenant) =>
        Value(tenant, "WorkweekStart") is { } text
            ? Enum.TryParse<DayOfWeek>(text, ignoreCase: true, out var day) && Enum.IsDefined(day)
                ? day
                : throw new WorkforceConfigurationException($"Workforce WorkweekStart '{text}' for tenant {tenant} is not a day name (Monday ... Sunday).")
            : DayOfWeek.Monday;

    public decimal HoursTolerance(string tenant) => Number(tenant, "HoursTolerance", 0.25m);

    public int ForecastWeeks(string tenant) => (int)Number(tenant, "ForecastWeeks", 6m);

    public decimal HoursPerCrewWeek(string tenant) => Number(tenant, "HoursPerCrewWeek", 40m);

    public decimal MinimumWage(string tenant) => Number(tenant, "MinimumWage", Tools.Workforce.CaliforniaPieceRateTools.CaliforniaMinimumWage);

    /// <summary>
    /// Issue 16: the minimum wage the conditions of 29 CFR 778.418 (an agreed overtime piece rate) are tested against
    /// where a payroll line states none: MinimumWage when the tenant sets it, else the federal $7.25, never California's
    /// default (778.418 is not applied to California weeks, and a week elsewhere is not owed California's wage).
    /// </summary>
    public decimal AgreedPieceRateMinimumWage(string tenant) =>
        Value(tenant, "MinimumWage") is null ? Tools.Workforce.PieceRateOvertimeTools.FederalMinimumWage : MinimumWage(tenant);

    private string? Value(string tenant, string key) =>
        setting($"Tenants:{tenant}:Agents:workforce:{key}") ?? setting($"Agents:workforce:{key}");

    private decimal Number(string tenant, string key, decimal fallback)
    {
        var text = Value(tenant, key);
        if (text is null)
        {
            return fallback;
        }

        return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0m
            ? value
            : throw new WorkforceConfigurationException($"Workforce {key} '{text}' for tenant {tenant} is not a positive number.");
    }
}
