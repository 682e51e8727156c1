using System.Text.Json.Nodes;
using BackOffice.Host.Exports;
using Microsoft.AspNetCore.Http;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// Issue 17: every list (inbox, findings, audit) exports as CSV or Excel: the same URL with <c>format=csv|xlsx</c>
/// answers a file of every matching row, sorted as shown, instead of the page.
/// </summary>
public static class ListExport
{
    public static IResult? FileIfAsked(HttpContext http, string name, string title, IReadOnlyList<ListColumn> columns, IReadOnlyList<JsonObject> rows)
    {
        var format = http.Request.Query["format"].ToString();
        if (format.Length == 0)
        {
            return null;
        }

        var bytes = ExportTable.From(title, columns, rows).Write(format);
        return Results.File(bytes, ExportTable.ContentType(format), $"{name}.{format}");
    }

    public static string Links(string path, ListQuery query) =>
        $"<span class=\"exports\">Export <a href=\"{E(ListForm.Link(path, query.With(page: 1), new Dictionary<string, string?> { ["format"] = "csv" }))}\" download>CSV</a>"
        + $" <a href=\"{E(ListForm.Link(path, query.With(page: 1), new Dictionary<string, string?> { ["format"] = "xlsx" }))}\" download>Excel</a></span>";
}
