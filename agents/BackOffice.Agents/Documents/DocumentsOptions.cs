using BackOffice.Tools.Documents;
using BackOffice.Tools.Matching;

namespace BackOffice.Agents.Documents;

/// <summary>The Documents agent's settings, bound from appsettings.json section "Documents" (issue 6).</summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>Certificates lapsing within this many days of the as-of date are flagged.</summary>
    public int CoiWindowDays { get; set; } = CertificateReader.DefaultWindowDays;

    /// <summary>Same vendor and amount dated within this many days under another number is a suspected duplicate.</summary>
    public int DuplicateWindowDays { get; set; } = DuplicateDetector.DefaultWindowDays;

    /// <summary>Invoice amount vs order and progress: $50 or 2%, whichever is less, both directions (order: upper only).</summary>
    /// <remarks>Issue 16: empty means no limit of this kind (an empty setting used to stop every command).</remarks>
    public decimal? AmountToleranceDollars { get; set; } = 50m;

    /// <remarks>Issue 16: empty means no limit of this kind; `AmountToleranceBasis: Unlimited` lifts both.</remarks>
    public decimal? AmountTolerancePercent { get; set; } = 2m;

    public ToleranceBasis AmountToleranceBasis { get; set; } = ToleranceBasis.WhicheverIsLess;

    public ToleranceDirection AmountToleranceDirection { get; set; } = ToleranceDirection.BothDirections;

    /// <summary>Issue 16: the percent is of the order (or receipt) amount, `Expected` (default), or of the invoice, `Actual`.</summary>
    public TolerancePercentOf AmountTolerancePercentOf { get; set; } = TolerancePercentOf.Expected;

    public Tolerance AmountTolerance => Tolerance.FromSettings(AmountToleranceDollars, AmountTolerancePercent, AmountToleranceBasis, AmountToleranceDirection)
        with { PercentOf = AmountTolerancePercentOf };
}
