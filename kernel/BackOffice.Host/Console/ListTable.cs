using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Domain.Money;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// One page of a list as accounting software shows it (issue 17): titles in words that sort when clicked, amounts
/// right-aligned as currency with a total over every matching row (not just this page), and a pager saying
/// "Showing 51–100 of 2,345". <paramref name="Link"/> builds the URL of the same list with another sort or page.
/// </summary>
public sealed record ListTable(IReadOnlyList<ListColumn> Columns, ListQuery Query, int PageSize, Func<ListQuery, string> Link)
{
    /// <summary>
    /// Issue 17: on a phone each row is a card of label/value rows (class "cards lines", each cell labelled by its
    /// column title), as the inbox and "What will be written" are, instead of a wide table scrolled inside its box.
    /// </summary>
    public bool Cards { get; init; }

    /// <summary>
    /// Renders the filtered rows. <paramref name="cell"/> may render a cell itself (a badge, a link); null means the
    /// column's own display. <paramref name="reportTotal"/> is a total row the report computed itself (aging's);
    /// <paramref name="below"/> are the report's lines after its total (issue 17), shown under it and never summed.
    /// </summary>
    public string Render(IReadOnlyList<JsonObject> rows, Func<ListColumn, JsonObject, string?>? cell = null, JsonObject? reportTotal = null, string caption = "", IReadOnlyList<JsonObject>? below = null)
    {
        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var page = Math.Min(Query.Page, pages);
        var html = Table(rows.Skip((page - 1) * PageSize).Take(PageSize), rows.Count == 0, cell, caption, sortable: null);
        html.Append(Totals(rows, rows.Count, reportTotal, below ?? [])).Append("</table></div>");
        return html.Append(Pager(rows.Count, page, pages)).ToString();
    }

    /// <summary>
    /// Issue 17: one page a list read in SQL (keyset): <paramref name="count"/> rows match in all and
    /// <paramref name="total"/> sums them; "Next" carries <paramref name="next"/>, the cursor after this page.
    /// Only <paramref name="sortable"/> columns have a sort link.
    /// </summary>
    public string RenderPage(IReadOnlyList<JsonObject> rows, long count, JsonObject total, string? next, IReadOnlyCollection<string> sortable, Func<ListColumn, JsonObject, string?>? cell = null)
    {
        var html = Table(rows, rows.Count == 0, cell, "", sortable);
        html.Append(Totals(rows, count, total, [])).Append("</table></div>");
        var from = count == 0 ? 0 : ((Query.Page - 1) * (long)PageSize) + 1;
        html.Append($"<nav class=\"pager\" aria-label=\"Pages\"><span class=\"shown\">Showing {from.ToString("N0", CultureInfo.InvariantCulture)}–{(from + rows.Count - (count == 0 ? 0 : 1)).ToString("N0", CultureInfo.InvariantCulture)} of {count.ToString("N0", CultureInfo.InvariantCulture)}</span>");
        html.Append(Query.Page > 1 ? $"<a href=\"{E(Link(Query.With(page: 1)))}\">First</a><span>Page {Query.Page}</span>" : "");
        html.Append(next is null ? "" : $"<a href=\"{E(Link(Query.After(next)))}\" rel=\"next\">Next</a>");
        return html.Append("</nav>").ToString();
    }

    private StringBuilder Table(IEnumerable<JsonObject> rows, bool none, Func<ListColumn, JsonObject, string?>? cell, string caption, IReadOnlyCollection<string>? sortable)
    {
        var html = new StringBuilder($"<div class=\"scroll\"><table class=\"list{(Cards ? " cards lines" : "")}\">");
        html.Append(caption.Length > 0 ? $"<caption>{E(caption)}</caption>" : "").Append("<thead><tr>");
        foreach (var c in Columns)
        {
            var active = Query.Sort == c.Name;
            var next = Query.With(sort: c.Name, descending: active && !Query.Descending, page: 1);
            var sortState = active ? (Query.Descending ? "descending" : "ascending") : "none";
            var title = $"{E(c.Title)}{(active ? (Query.Descending ? " ▼" : " ▲") : "")}";
            html.Append(sortable is null || sortable.Contains(c.Name)
                ? $"<th scope=\"col\" aria-sort=\"{sortState}\"{Align(c)}><a href=\"{E(Link(next))}\">{title}</a></th>"
                : $"<th scope=\"col\"{Align(c)}>{title}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>").Append(string.Concat(Columns.Select(c => $"<td{Align(c)}{Label(c)}>{cell?.Invoke(c, row) ?? E(c.Display(ListQuery.Cell(row, c.Name)))}</td>"))).Append("</tr>");
        }

        return html.Append(none ? $"<tr><td colspan=\"{Columns.Count}\" class=\"muted\">No rows match.</td></tr>" : "").Append("</tbody>");
    }

    private string Totals(IReadOnlyList<JsonObject> rows, long count, JsonObject? reportTotal, IReadOnlyList<JsonObject> below)
    {
        var money = Columns.Where(c => c.Kind == AccountingText.Kind.Money && (c.Sums || reportTotal is not null)).ToList();
        if (money.Count == 0 || count == 0)
        {
            return "";
        }

        var html = new StringBuilder("<tfoot><tr class=\"total\">");
        var first = true;
        foreach (var c in Columns)
        {
            var sum = c.Kind != AccountingText.Kind.Money ? (decimal?)null
                : reportTotal is not null ? ListQuery.Number(ListQuery.Cell(reportTotal, c.Name))
                : !c.Sums ? null
                : rows.Sum(r => ListQuery.Number(ListQuery.Cell(r, c.Name)) ?? 0m);
            var text = sum is { } s ? MoneyText.Usd(s) : first ? TotalLabel(c, count, reportTotal) : "";
            html.Append($"<th scope=\"row\"{Align(c)}>{E(text)}</th>");
            first = false;
        }

        html.Append("</tr>");
        foreach (var line in below)
        {
            html.Append("<tr class=\"below\">").Append(string.Concat(Columns.Select(c => $"<td{Align(c)}>{E(c.Display(ListQuery.Cell(line, c.Name)))}</td>"))).Append("</tr>");
        }

        return html.Append("</tfoot>").ToString();
    }

    /// <summary>"Total (N rows)", or the report's own name for its total (the allowance's "Required allowance (5 rows)").</summary>
    private static string TotalLabel(ListColumn first, long count, JsonObject? reportTotal)
    {
        var rowsText = $"{count.ToString("N0", CultureInfo.InvariantCulture)} rows";
        var own = reportTotal is null || first.Kind != AccountingText.Kind.Text ? "" : ListQuery.Cell(reportTotal, first.Name);
        return own.Length == 0 ? $"Total ({rowsText})" : $"{char.ToUpperInvariant(own[0])}{own[1..]} ({rowsText})";
    }

    private string Pager(int count, int page, int pages)
    {
        var from = count == 0 ? 0 : ((page - 1) * PageSize) + 1;
        var to = Math.Min(page * PageSize, count);
        var html = new StringBuilder($"<nav class=\"pager\" aria-label=\"Pages\"><span class=\"shown\">Showing {from.ToString("N0", CultureInfo.InvariantCulture)}–{to.ToString("N0", CultureInfo.InvariantCulture)} of {count.ToString("N0", CultureInfo.InvariantCulture)}</span>");
        if (page > 1)
        {
            html.Append($"<a href=\"{E(Link(Query.With(page: 1)))}\">First</a><a href=\"{E(Link(Query.With(page: page - 1)))}\" rel=\"prev\">Previous</a>");
        }

        html.Append(pages > 1 ? $"<span>Page {page} of {pages}</span>" : "");
        if (page < pages)
        {
            html.Append($"<a href=\"{E(Link(Query.With(page: page + 1)))}\" rel=\"next\">Next</a><a href=\"{E(Link(Query.With(page: pages)))}\">Last</a>");
        }

        return html.Append("</nav>").ToString();
    }

    private string Label(ListColumn c) => Cards ? $" data-label=\"{E(c.Title)}\"" : "";

    /// <summary>Each cell names its column (col-NAME), so the stylesheet can leave secondary columns out on a phone.</summary>
    private static string Align(ListColumn c) => $" class=\"col-{E(c.Name)}{(AccountingText.IsRightAligned(c.Kind) ? " num" : "")}\"";
}
