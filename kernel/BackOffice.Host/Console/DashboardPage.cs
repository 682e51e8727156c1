using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using BackOffice.Host.Auth;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Gate;
using BackOffice.Store.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The tenant's dashboard (issue 17): what waits for a decision, receivables by aging bucket and over/under billing
/// by job, as server-rendered SVG (no script: the console's CSP allows none; no CDN). Figures come from the aging and
/// wip reports as the report pages show them; the page computes none of its own beyond over less under for the bar.
/// Issue 15: the question box (<see cref="AskBox"/>) sits at the top, and a question's answer shows above it.
/// </summary>
public static class DashboardPage
{
    private const int ChartJobs = 12;

    public static RouteGroupBuilder MapDashboardPage(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/dashboard", (HttpContext http, string tenant, string? asOf, IEnumerable<IReport> reports, ProposalGate gate, TimeProvider clock) =>
            ConsolePage.RunAsync(http, tenant, async caller => await ShowAsync(http, caller, asOf, reports, gate, clock, await AskBox.BoxAsync(http, caller, null))));
        return tenant;
    }

    /// <summary>The dashboard, with the question box (issue 15) or a question's answer and the box at the top.</summary>
    public static async Task<IResult> ShowAsync(HttpContext http, Caller caller, string? asOf, IEnumerable<IReport> reports, ProposalGate gate, TimeProvider clock, string top)
    {
        var waiting = await gate.ListAsync(caller.Data, new ProposalFilter(ProposalStates.Proposed), http.RequestAborted);
        var html = new StringBuilder(top).Append($"<div class=\"card\"><p><a href=\"{Tenant(caller.Tenant)}/inbox\">{(waiting.Count == 1 ? "1 proposal waits" : $"{waiting.Count} proposals wait")} for a decision</a></p></div>");
        var names = await NameBook.LoadAsync(caller.Data, http.RequestAborted);
        html.Append("<div class=\"card charts\">");
        var approved = await gate.ListAsync(caller.Data, new ProposalFilter(ProposalStates.Approved), http.RequestAborted);
        var findings = await BackOffice.Store.Findings.FindingStore.ListOpenAsync(caller.Data, null, http.RequestAborted);
        var stakes = DashboardCharts.MoneyAtStake([.. waiting, .. approved], gate.AmountAtStake, findings);
        html.Append(SvgBarChart.Render("Money at stake by agent: proposals waiting to be decided or executed", DashboardCharts.StakeBars(stakes)))
            .Append($"<p class=\"muted\">{E(DashboardCharts.FindingsLine(stakes))}</p>");
        if (reports.Any(r => r.Name == "aging"))
        {
            var aging = await ReportPages.RunAsync(caller, reports, "aging", asOf, null, clock, http.RequestAborted);
            html.Append(SvgBarChart.Render($"Receivables by days past due, as of {AccountingText.Date(aging.AsOf)}", AgingBars(aging.Table)));
        }

        if (reports.Any(r => r.Name == "wip"))
        {
            var wip = await ReportPages.RunAsync(caller, reports, "wip", asOf, null, clock, http.RequestAborted);
            html.Append(SvgBarChart.Render($"Over (+) and under (-) billing by job, as of {AccountingText.Date(wip.AsOf)}", BillingBars(wip.Table, names)));
            html.Append(await MarginFadeAsync(caller.Data, wip, names, http.RequestAborted));
        }

        if (reports.Any(r => r.Name == "cash-forecast"))
        {
            var cash = await ReportPages.RunAsync(caller, reports, "cash-forecast", asOf, null, clock, http.RequestAborted);
            html.Append(SvgBarChart.Render($"Cash forecast: invoices in, expected billings, out and net by days from {AccountingText.Date(cash.AsOf)}", DashboardCharts.CashBars(cash.Table)));
        }

        return Page("Dashboard", html.Append("</div>").ToString(), caller);
    }

    /// <summary>Issue 17: margin fade since the last WIP period closed before the as-of month; nothing when none is closed.</summary>
    private static async Task<string> MarginFadeAsync(BackOffice.Store.Tenancy.TenantData data, ReportPages.ReportRun wip, NameBook names, CancellationToken ct)
    {
        var month = wip.AsOf[..7];
        if (await data.WipPeriods.LatestBeforeAsync(month, ct) is not { } closed)
        {
            return "";
        }

        var prior = await data.WipPeriods.FiguresAsync(closed.Period, ct);
        return SvgBarChart.Render($"Margin fade by job: estimated margin now less at the {closed.Period} close", DashboardCharts.MarginFadeBars(wip.Table, prior, names));
    }

    /// <summary>One bar per aging bucket of the report's total row (the columns between the job and the total).</summary>
    public static IReadOnlyList<SvgBarChart.Bar> AgingBars(ReportTable aging)
    {
        var total = aging.Rows.FirstOrDefault(r => ListQuery.Cell(r, "id") == ReportColumns.TotalRowId);
        if (total is null)
        {
            return [];
        }

        var buckets = aging.Columns.SkipWhile(c => c != "job").Skip(1).TakeWhile(c => c != "total");
        return buckets.Select(b => Bar(AccountingText.Title(b), total[b])).OfType<SvgBarChart.Bar>().ToList();
    }

    /// <summary>Over-billing less under-billing per job, the largest either way first, labelled by job number and name.</summary>
    public static IReadOnlyList<SvgBarChart.Bar> BillingBars(ReportTable wip, NameBook names) =>
        wip.Rows.Where(r => ListQuery.Cell(r, "id") != ReportColumns.TotalRowId)
            .Select(r => (Job: names.Jobs(ListQuery.Cell(r, "job")), Net: OverUnder(r)))
            .Where(r => r.Net is not null and not 0m)
            .Select(r => Bar(r.Job, r.Net!.Value))
            .OrderByDescending(b => Math.Abs(b.Value)).Take(ChartJobs).ToList();

    /// <summary>A report's net over/under-billing column, else its over-billing less its under-billing.</summary>
    private static decimal? OverUnder(JsonObject row) =>
        SvgBarChart.Number(row["overUnderBilling"])
        ?? (SvgBarChart.Number(row["overBilling"]) is { } over && SvgBarChart.Number(row["underBilling"]) is { } under ? over - under : null);

    private static SvgBarChart.Bar? Bar(string label, JsonNode? cell) =>
        SvgBarChart.Number(cell) is { } value ? Bar(label, value) : null;

    private static SvgBarChart.Bar Bar(string label, decimal value) =>
        new(label, value, MoneyText.Usd(value));
}
