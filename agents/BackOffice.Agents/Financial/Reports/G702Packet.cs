using BackOffice.Agents.Financial.PayApps;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report g702 --job J [--period N] --format xlsx|pdf --out FILE`: the G702/G703 packet as a file (issue 16).</summary>
public sealed class G702Packet : IReportDocument
{
    public string Name => "g702";

    public IReadOnlyList<string> Formats { get; } = ["xlsx", "pdf"];

    public async Task<byte[]> RenderAsync(ReportRequest request, string format, CancellationToken cancellationToken)
    {
        var document = await PayAppPackets.LoadAsync(request.Data, G702Report.RequireJob(request), request.Period, cancellationToken);
        return format switch
        {
            "xlsx" => PayAppXlsx.Write(document),
            "pdf" => PayAppPdf.Write(document),
            _ => throw new PayAppPacketException($"The g702 packet is written as xlsx or pdf, not '{format}'."),
        };
    }
}
