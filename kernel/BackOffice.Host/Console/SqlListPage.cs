using System.Text.Json.Nodes;
using BackOffice.Store.Worklists;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: a console list read a page at a time in SQL (<see cref="SqlList"/>: inbox, findings, audit log), as the
/// ledger-bills report is: the person's filters, sort and keyset cursor go to the store, the page shows what it answers,
/// and an export asks for every match through the same query.
/// </summary>
public static class SqlListPage
{
    /// <summary>The store's query for <paramref name="query"/>: one page of <paramref name="pageSize"/>, or every match for an export.</summary>
    public static ListPageQuery QueryOf(HttpContext http, ListQuery query, int pageSize) =>
        Exporting(http)
            ? new(query.Search, query.Matches, query.Sort, query.Descending, null, null)
            : new(query.Search, query.Matches, query.Sort, query.Descending, pageSize, query.Cursor is null ? null : KeysetCursor.Parse(query.Cursor));

    /// <summary>The page's table and pager: "Showing 51–100 of N", sort links on the columns the list sorts by, "Next" by cursor.</summary>
    public static string Render<T>(ListTable list, IReadOnlyList<JsonObject> rows, ListPageOf<T> page, ListShape shape, Func<ListColumn, JsonObject, string?>? cell = null) =>
        list.RenderPage(rows, page.Count, new JsonObject(), page.Next?.ToString(), [.. shape.Sorts.Keys], cell);

    private static bool Exporting(HttpContext http) => http.Request.Query["format"].ToString().Length > 0;
}
