using System.Text.Json.Nodes;
using BackOffice.Agents.Financial.PayApps;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Tools.PayApps;

namespace BackOffice.Agents.Financial.Reports;

/// <summary>
/// `backoffice report g702 --job J [--period N]`: the AIA G702 summary lines 1-9 computed from the schedule of values,
/// beside what the stored pay application states, then one row per figure that does not tie out (issue 16).
/// `--format xlsx|pdf --out FILE` writes the whole packet (G702 and G703) instead.
/// </summary>
public sealed class G702Report : IReport, IJobReport
{
    public string Name => "g702";

    /// <summary>Issue 17: opened in the console with no job, the page asks for one in these words.</summary>
    public string Heading => "G702 application for payment";

    public string ChooseJob => "Choose a job to see its latest application for payment (AIA G702).";

    public string Description => "AIA G702 application for payment (lines 1-9, retainage on work and on stored material) for --job and --period, with its tie-out; --format xlsx|pdf --out FILE writes the G702/G703 packet";

    /// <summary>Issue 17: reads only what the agents read, so a gate decision or a sweep keeps its cached table.</summary>
    public BackOffice.Store.Tenancy.ChangeScope Reads => BackOffice.Store.Tenancy.ChangeScope.Books;

    public async Task<ReportTable> RunAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var document = await PayAppPackets.LoadAsync(request.Data, RequireJob(request), request.Period, cancellationToken);
        var s = document.Packet.Summary;
        var rates = document.Packet.Rates;
        var app = document.PayApp;
        var rows = new List<JsonObject>
        {
            Line("1", "Original contract sum", s.OriginalContractSum),
            Line("2", "Net change by change orders", s.NetChangeByChangeOrders),
            Line("3", "Contract sum to date (line 1 + 2)", s.ContractSumToDate),
            Line("4", $"Total completed and stored to date (column G on G703), {ReportCells.Percent(s.PercentComplete)}%", s.TotalCompletedAndStored, app.WorkCompletedToDate + app.StoredMaterials),
            Line("5a", $"{ReportCells.Percent(rates.CompletedWorkPercent)}% of completed work (column D + E on G703)", s.RetainageOnCompletedWork),
            Line("5b", $"{ReportCells.Percent(rates.StoredMaterialPercent)}% of stored material (column F on G703)", s.RetainageOnStoredMaterial),
            Line("5", "Total retainage (lines 5a + 5b)", s.TotalRetainage, app.RetainageHeldToDate),
            Line("6", "Total earned less retainage (line 4 less line 5)", s.TotalEarnedLessRetainage),
            Line("7", "Less previous certificates for payment (line 6 from prior certificate)", s.PreviousCertificates),
            Line("8", "Current payment due", s.CurrentPaymentDue, app.AmountDue),
            Line("9", "Balance to finish, including retainage (line 3 less line 6)", s.BalanceToFinishIncludingRetainage),
        };
        rows.AddRange(document.TieOut.Select((d, i) => TieOutRow(d, i)));
        var title = $"{ReportCells.Title("G702 application for payment", request)}, application {app.Number} to {app.PeriodEnd:yyyy-MM-dd}"
                    + (document.TieOut.Count == 0 ? ", ties out" : $", {document.TieOut.Count} figure(s) do not tie");
        // Lines 1 to 9 are each a figure of the form, not parts of one whole: the console adds no total under them (issue 17).
        return new ReportTable(RoundingStatements.Titled(title, RoundingStatements.PayApplication), ["line", "caption", "amount", "stated", "difference"], rows) { RowsAdd = false };
    }

    internal static string RequireJob(ReportRequest request) =>
        request.Job ?? throw new PayAppPacketException("The g702 report needs --job (a job id or name); --period picks the application (default: the latest).");

    private static JsonObject Line(string line, string caption, decimal amount, decimal? stated = null) => new()
    {
        ["id"] = $"line-{line}",
        ["line"] = line,
        ["caption"] = caption,
        ["amount"] = ReportCells.Usd(amount),
        ["stated"] = ReportCells.Usd(stated),
        ["difference"] = stated is { } x ? ReportCells.Usd(x - amount) : null,
    };

    private static JsonObject TieOutRow(TieOutDifference difference, int index) => new()
    {
        ["id"] = $"tie-out-{index + 1}",
        ["line"] = "does not tie",
        ["caption"] = $"{difference.Where}: {difference.Field}",
        ["amount"] = ReportCells.Usd(difference.Expected),
        ["stated"] = ReportCells.Usd(difference.Stated),
        ["difference"] = ReportCells.Usd(difference.Difference),
    };
}
