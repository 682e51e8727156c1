using System.ComponentModel;
using BackOffice.Domain.Money;

namespace BackOffice.Tools.EarnedValue;

/// <summary>Earned value inputs of one job (or control account) as of a date, in dollars.</summary>
/// <param name="BottomUpEtc">A bottom-up estimate to complete, when one was made (null: that EAC is not shown).</param>
/// <param name="PmForecastEac">The project manager's forecast at completion, when there is one.</param>
public sealed record EarnedValueInput(decimal Bac, decimal Pv, decimal Ev, decimal Ac, decimal? BottomUpEtc = null, decimal? PmForecastEac = null);

/// <summary>One estimate at completion, labelled with its method, with the ETC, VAC and TCPI that follow from it.</summary>
public sealed record EacEstimate(string Label, decimal Eac, decimal Etc, decimal Vac, decimal? TcpiToEac);

/// <summary>
/// Earned value measures. CPI, SPI and TCPI are shown rounded to four places half away from zero; every EAC is
/// computed from the unrounded indices and rounded once to the cent (so BAC / CPI on the PMP fence exercise is 4,480.00,
/// where the book's 4,479 comes from dividing by CPI already rounded to .893). An index whose denominator is 0 is null.
/// </summary>
public sealed record EarnedValueResult(
    EarnedValueInput Input, decimal Cv, decimal Sv, decimal? Cpi, decimal? Spi, decimal? TcpiToBac, IReadOnlyList<EacEstimate> Estimates);

/// <summary>Earned value management (PMI PMBOK Guide formulas, issue 16). Pure: figures in, figures out.</summary>
public static class EarnedValueTools
{
    public const string AcPlusBottomUp = "AC + bottom-up ETC", BacOverCpi = "BAC / CPI", AcPlusRemaining = "AC + (BAC - EV)";
    public const string AcPlusCpiSpi = "AC + (BAC - EV) / (CPI x SPI)", PmForecast = "PM forecast";

    [Description("Earned value measures of a job: CV, SV, CPI, SPI, TCPI to BAC, and the estimate at completion by each documented method (AC + bottom-up ETC, BAC / CPI, AC + (BAC - EV), AC + (BAC - EV) / (CPI x SPI), PM forecast) with its ETC, VAC and TCPI, each labelled.")]
    public static EarnedValueResult Measure([Description("BAC, PV, EV, AC, and optionally a bottom-up ETC and the PM's forecast, in dollars")] EarnedValueInput input)
    {
        decimal? cpi = input.Ac == 0m ? null : input.Ev / input.Ac;
        decimal? spi = input.Pv == 0m ? null : input.Ev / input.Pv;
        var remaining = input.Bac - input.Ev;
        var estimates = new List<EacEstimate>();
        void Add(string label, decimal? eac)
        {
            if (eac is { } e)
            {
                var rounded = MoneyMath.RoundToCent(e);
                estimates.Add(new EacEstimate(label, rounded, rounded - input.Ac, input.Bac - rounded, Index(remaining, rounded - input.Ac)));
            }
        }

        Add(AcPlusBottomUp, input.BottomUpEtc is { } etc ? input.Ac + etc : null);
        Add(BacOverCpi, input.Ev == 0m || cpi is null ? null : input.Bac * input.Ac / input.Ev);
        Add(AcPlusRemaining, input.Ac + remaining);
        Add(AcPlusCpiSpi, cpi is { } c && spi is { } s && c * s != 0m ? input.Ac + remaining / (c * s) : null);
        Add(PmForecast, input.PmForecastEac);
        return new EarnedValueResult(input, input.Ev - input.Ac, input.Ev - input.Pv, Round(cpi), Round(spi), Index(remaining, input.Bac - input.Ac), estimates);
    }

    /// <summary>Work remaining / funds remaining, rounded to four places; null when no funds remain.</summary>
    private static decimal? Index(decimal workRemaining, decimal fundsRemaining) =>
        fundsRemaining == 0m ? null : Round(workRemaining / fundsRemaining);

    private static decimal? Round(decimal? index) => index is { } i ? Math.Round(i, 4, MidpointRounding.AwayFromZero) : null;
}
