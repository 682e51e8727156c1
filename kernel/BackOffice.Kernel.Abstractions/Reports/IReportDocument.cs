namespace BackOffice.Kernel.Abstractions.Reports;

/// <summary>
/// A report that can also be written as a file (issue 16): `backoffice report NAME ... --format F --out FILE`, for
/// example the G702/G703 packet as xlsx or pdf. <see cref="Formats"/> names what it writes.
/// </summary>
public interface IReportDocument
{
    string Name { get; }

    IReadOnlyList<string> Formats { get; }

    Task<byte[]> RenderAsync(ReportRequest request, string format, CancellationToken cancellationToken);
}
