using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.PayApps;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.PayApps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>`backoffice report g703 --job J [--period N]`: the AIA G703 continuation sheet, columns A-I and the grand total (issue 16).</summary>
public sealed class G703Report : IReport, IJobReport
{
    public string Name => "g703";

    /// <summary>Issue 17: opened in the console with no job, the page asks for one in these words.</summary>
    public string Heading => "G703 continuation sheet";

    public string ChooseJob => "Choose a job to see the continuation sheet (AIA G703) of its latest application for payment.";

    public string Description => "AIA G703 continuation sheet (columns A-I: scheduled value, previous, this period, stored, total, %, balance, retainage) for --job and --period";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var document = await PayAppPackets.LoadAsync(request.Data, G702Report.RequireJob(request), request.Period, cancellationToken);
        var rows = document.Packet.Lines.Append(document.Packet.Totals).Select(Row).ToList();
        var title = $"{ReportCells.Title("G703 continuation sheet", request)}, application {document.PayApp.Number} to {document.PayApp.PeriodEnd:yyyy-MM-dd}";
        return new ReportTable(RoundingStatements.Titled(title, RoundingStatements.PayApplication), ["item", "description", "scheduledValue", "fromPrevious", "thisPeriod", "storedMaterials", "completedAndStored", "percent", "balanceToFinish", "retainage"], rows);
    }

    private static JsonObject Row(G703Line line) => new()
    {
        ["id"] = line.ItemNo == "" ? "total" : $"item-{line.ItemNo}",
        ["item"] = line.ItemNo,
        ["description"] = line.Description,
        ["scheduledValue"] = ReportCells.Usd(line.ScheduledValue),
        ["fromPrevious"] = ReportCells.Usd(line.PreviousWork),
        ["thisPeriod"] = ReportCells.Usd(line.ThisPeriodWork),
        ["storedMaterials"] = ReportCells.Usd(line.StoredMaterials),
        ["completedAndStored"] = ReportCells.Usd(line.CompletedAndStored),
        ["percent"] = ReportCells.Percent(line.PercentComplete),
        ["balanceToFinish"] = ReportCells.Usd(line.BalanceToFinish),
        ["retainage"] = ReportCells.Usd(line.Retainage),
    };
}
