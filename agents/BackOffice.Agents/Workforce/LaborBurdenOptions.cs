using BackOffice.Tools.Labor;

namespace BackOffice.Agents.Workforce;

/// <summary>
/// The labor burden calculator's settings, appsettings.json `Agents:workforce:LaborBurden` (issue 16): the year's paid
/// and worked hours and the burden components (name, basis, rate, wage base). appsettings.json ships the 2026 federal
/// components (Social Security 6.2% to 184,500, Medicare 1.45%, FUTA 0.6% to 7,000); state unemployment, workers'
/// compensation, liability and benefits are the company's own rates and must be added.
/// </summary>
public sealed class LaborBurdenOptions
{
    public const string SectionName = "Agents:workforce:LaborBurden";

    public decimal PaidHours { get; init; } = 2080m;

    /// <summary>Hours actually worked in the year (paid hours less vacation, holidays, sick time); empty: the paid hours.</summary>
    public decimal? HoursWorked { get; init; }

    public List<BurdenComponentOptions> Components { get; init; } = [];

    /// <summary>Issue 16: what an overtime hour pays as a multiple of straight time (1.5 by the FLSA); its premium is burdened.</summary>
    public decimal OvertimeMultiplier { get; init; } = 1.5m;

    public bool Valid => PaidHours > 0m && HoursWorked is null or > 0m && OvertimeMultiplier is >= 1m and <= 3m
                         && Components.All(c => !string.IsNullOrWhiteSpace(c.Name) && c.Rate >= 0m && c.WageBase is null or >= 0m);
}

public sealed class BurdenComponentOptions
{
    public string Name { get; init; } = "";

    public BurdenBasis Basis { get; init; }

    public decimal Rate { get; init; }

    public decimal? WageBase { get; init; }

    /// <summary>Issue 16: charged on the overtime premium too; empty: percent-of-wages yes, per-$100 and monthly no (see BurdenComponent).</summary>
    public bool? OnOvertimePremium { get; init; }
}
