using System.Text;
using System.Text.RegularExpressions;
using BackOffice.Host.Auth;
using BackOffice.Store.Worklists;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Saved filters on the worklists (issue 17): a person names the filter a list shows (its URL parameters: search,
/// choices, ranges, sort, and a report's date and job), applies it with one click, deletes it, and may have the list
/// open with it. Per user and tenant (<see cref="SavedFilterStore"/>); changed by POST with the anti-forgery token.
/// A list opened with no parameters at all goes to the person's default; "Clear" (?all=1) shows it unfiltered.
/// </summary>
public static partial class SavedFilterPages
{
    /// <summary>Parameters that are not part of a filter: the page shown (its number or keyset cursor), a notice, the "unfiltered" marker.</summary>
    private static readonly string[] NotFilter = ["page", "cursor", "msg", "all"];

    /// <summary>
    /// The panel (<see cref="Html"/>, which <see cref="ListForm.Render(string, ListQuery, IReadOnlyList{ListColumn}, Func{ListColumn, IReadOnlyList{string}}, string, string, string)"/>
    /// places right below the filter bar on every list and report, issue 17) and the result of a save or delete
    /// (<see cref="Notice"/>, at the top of the page).
    /// </summary>
    public sealed record Panel(IResult? Redirect, string Html, string Notice = "");

    public static RouteGroupBuilder MapSavedFilterPages(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/filters/save", (HttpContext http, string tenant, IFormCollection form) => ConsolePage.RunAsync(http, tenant, async caller =>
        {
            var list = List(form["list"]);
            var name = form["name"].ToString();
            var query = form["query"].ToString().TrimStart('?');
            await caller.Data.SavedFilters.SaveAsync(caller.User.Id, list, name, query, form["default"] == "on", http.RequestAborted);
            return Back(caller, list, query, $"Saved the filter '{name.Trim()}'.");
        }));
        tenant.MapPost("/filters/delete", (HttpContext http, string tenant, IFormCollection form) => ConsolePage.RunAsync(http, tenant, async caller =>
        {
            var list = List(form["list"]);
            var deleted = await caller.Data.SavedFilters.DeleteAsync(caller.User.Id, list, form["name"].ToString(), http.RequestAborted);
            return Back(caller, list, "all=1", deleted ? $"Deleted the filter '{form["name"]}'." : $"There was no filter '{form["name"]}'.");
        }));
        tenant.MapPost("/filters/default", (HttpContext http, string tenant, IFormCollection form) => ConsolePage.RunAsync(http, tenant, async caller =>
        {
            var list = List(form["list"]);
            var name = string.IsNullOrEmpty(form["name"]) ? null : form["name"].ToString();
            await caller.Data.SavedFilters.SetDefaultAsync(caller.User.Id, list, name, http.RequestAborted);
            return Back(caller, list, "all=1", name is null ? "The list opens unfiltered." : $"The list opens with '{name}'.");
        }));
        return tenant;
    }

    /// <summary>The person's default filter as a redirect when the list was opened bare, else the panel of saved filters.</summary>
    public static async Task<Panel> LoadAsync(HttpContext http, Caller caller, string list)
    {
        var saved = await caller.Data.SavedFilters.ListAsync(caller.User.Id, list, http.RequestAborted);
        if (HttpMethods.IsGet(http.Request.Method) && !http.Request.QueryString.HasValue && saved.FirstOrDefault(f => f.IsDefault) is { Query.Length: > 0 } opening)
        {
            return new Panel(Results.Redirect($"{Path(caller.Tenant, list)}?{opening.Query}"), "");
        }

        // The inbox shows its own notices; the other lists show the result of a save or delete here.
        var notice = list == "inbox" ? "" : Notice(http.Request.Query["msg"]);
        return new Panel(null, Render(http, caller.Tenant, list, saved, Current(http.Request.Query)), notice);
    }

    private static string Render(HttpContext http, string tenant, string list, IReadOnlyList<SavedFilter> saved, string current)
    {
        var path = Path(tenant, list);
        var html = new StringBuilder("<details class=\"card saved\"><summary>Saved filters</summary>");
        foreach (var f in saved)
        {
            html.Append($"<div class=\"saved-filter\"><a href=\"{E(f.Query.Length == 0 ? path + "?all=1" : path + "?" + f.Query)}\">{E(f.Name)}</a>")
                .Append(f.IsDefault ? " <span class=\"muted\">(opens the list)</span>" : "")
                .Append(Post(http, tenant, "default", list, f.IsDefault ? "" : f.Name, f.IsDefault ? "Stop opening with it" : "Open the list with it", $"{(f.IsDefault ? "Stop opening the list with" : "Open the list with")} {f.Name}"))
                .Append(Post(http, tenant, "delete", list, f.Name, "Delete", $"Delete the saved filter {f.Name}")).Append("</div>");
        }

        return html.Append($"<form method=\"post\" action=\"{Tenant(tenant)}/filters/save\">{Token(http)}")
            .Append($"<input type=\"hidden\" name=\"list\" value=\"{E(list)}\"><input type=\"hidden\" name=\"query\" value=\"{E(current)}\">")
            .Append($"<label>Name <input name=\"name\" required maxlength=\"{SavedFilterStore.MaxNameLength}\"></label>")
            .Append("<label><input type=\"checkbox\" name=\"default\"> Open the list with it</label><button>Save this filter</button></form></details>").ToString();
    }

    private static string Post(HttpContext http, string tenant, string verb, string list, string name, string text, string label) =>
        $"<form method=\"post\" action=\"{Tenant(tenant)}/filters/{verb}\" class=\"inline\">{Token(http)}<input type=\"hidden\" name=\"list\" value=\"{E(list)}\">"
        + $"<input type=\"hidden\" name=\"name\" value=\"{E(name)}\"><button aria-label=\"{E(label)}\">{E(text)}</button></form>";

    /// <summary>The list's filter as shown now: every parameter but the page, a notice and the unfiltered marker.</summary>
    private static string Current(IQueryCollection query) => string.Join("&", query
        .Where(q => !NotFilter.Contains(q.Key, StringComparer.Ordinal) && !string.IsNullOrEmpty(q.Value))
        .OrderBy(q => q.Key, StringComparer.Ordinal)
        .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));

    private static IResult Back(Caller caller, string list, string query, string message) =>
        Results.Redirect($"{Path(caller.Tenant, list)}?{(query.Length == 0 ? "all=1" : query)}&msg={Uri.EscapeDataString(message)}");

    private static string Path(string tenant, string list) => $"{Tenant(tenant)}/{string.Join('/', list.Split('/').Select(Uri.EscapeDataString))}";

    /// <summary>Only the console's own lists, so a form cannot point a redirect anywhere else.</summary>
    private static string List(string? list) => list is not null && ListName().IsMatch(list)
        ? list
        : throw new SavedFilterException($"'{list}' is not a list that keeps saved filters.");

    [GeneratedRegex("^(inbox|findings|audit|reports/[a-z0-9][a-z0-9-]{0,60})$")]
    private static partial Regex ListName();
}
