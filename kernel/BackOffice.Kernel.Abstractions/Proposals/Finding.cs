namespace BackOffice.Kernel.Abstractions.Proposals;

public enum Severity
{
    Info,
    Warning,
    Critical,
}

/// <summary>
/// Something an agent noticed, with the figures that show it. <paramref name="Key"/> identifies the same
/// finding across sweeps (for example "financial:sub-invoice-without-bill:SI-1001").
/// </summary>
public sealed record Finding(
    string Key,
    string Agent,
    string Check,
    Severity Severity,
    string Title,
    IReadOnlyList<Figure> Figures,
    string Narrative);
