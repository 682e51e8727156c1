using System.Globalization;
using System.Text;
using BackOffice.Kernel.Abstractions.Reports;
using BackOffice.Kernel.Ask;
using BackOffice.Kernel.Gate;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The console's question box (issue 15), on the dashboard: a plain form posted with the anti-forgery token (no
/// script), answered by <see cref="QuestionAnswerer"/> as `backoffice ask` answers. The answer shows above the box with
/// the records it used as links to their report rows; offline it names the reports, linked to their pages.
/// </summary>
public static class AskBox
{
    public const int MaxQuestionLength = 500;

    public static RouteGroupBuilder MapAskBox(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/ask", (HttpContext http, string tenant, IFormCollection form, QuestionAnswerer answerer, IEnumerable<IReport> reports, ProposalGate gate, TimeProvider clock) =>
            ConsolePage.RunAsync(http, tenant, async caller =>
            {
                var question = form["question"].ToString().Trim();
                string top;
                if (question.Length is 0 or > MaxQuestionLength)
                {
                    top = Notice($"Write a question of 1 to {MaxQuestionLength} characters.", error: true) + await BoxAsync(http, caller, question);
                }
                else
                {
                    var asOf = await caller.Data.BooksDate.DefaultAsOfAsync(http.RequestAborted);
                    var answer = await answerer.AskAsync(caller.Data, question, asOf, caller.Actor.Name, http.RequestAborted);
                    // Issue 13: an answer from partly synced books says so above it, as the report pages do.
                    top = await PartialSyncNotice.HtmlAsync(http, caller.Data) + Answer(caller.Tenant, question, answer, asOf) + Form(http, caller.Tenant, null);
                }

                return await DashboardPage.ShowAsync(http, caller, null, reports, gate, clock, top);
            }));
        return tenant;
    }

    /// <summary>The box, with the partial-sync notice above it when the tenant's books are partly synced (issue 13).</summary>
    public static async Task<string> BoxAsync(HttpContext http, Auth.Caller caller, string? question) =>
        await PartialSyncNotice.HtmlAsync(http, caller.Data) + Form(http, caller.Tenant, question);

    public static string Form(HttpContext http, string tenant, string? question) =>
        $"<form method=\"post\" action=\"{Tenant(tenant)}/ask\" class=\"card filters\" role=\"search\">{Token(http)}"
        + $"<label for=\"ask-question\">Ask the back office</label><input id=\"ask-question\" name=\"question\" type=\"text\" maxlength=\"{MaxQuestionLength}\" "
        + $"placeholder=\"who owes us the most past 60 days?\" value=\"{E(question)}\"><button class=\"primary\">Ask</button></form>";

    /// <summary>The answer, and its records (model) or reports (offline) as links.</summary>
    public static string Answer(string tenant, string question, AskAnswer answer, DateOnly asOf)
    {
        var date = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var html = new StringBuilder("<section class=\"card\" aria-labelledby=\"ask-answer\">")
            .Append($"<h2 id=\"ask-answer\">{E(question)}</h2><p class=\"narrative\">{E(answer.Text)}</p>");
        var links = answer.Cited.Count > 0
            ? answer.Cited.Select(c => Link($"{Tenant(tenant)}/reports/{Uri.EscapeDataString(c.Report)}/{Uri.EscapeDataString(c.RowId)}?asOf={date}", $"{c.Report}: {c.Label}"))
            : answer.Reports.Select(r => Link($"{Tenant(tenant)}/reports/{Uri.EscapeDataString(r)}?asOf={date}", r));
        var list = string.Concat(links);
        if (list.Length > 0)
        {
            html.Append($"<p class=\"muted\">{(answer.Cited.Count > 0 ? "Records used" : "Reports")}:</p><ul>{list}</ul>");
        }

        return html.Append("</section>").ToString();
    }

    private static string Link(string href, string text) => $"<li><a href=\"{E(href)}\">{E(text)}</a></li>";
}
