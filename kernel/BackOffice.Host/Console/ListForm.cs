using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static BackOffice.Host.ApprovalConsole.Html;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// The filter bar above a list and the links that keep it (issue 17): a search box, a choice for each column with few
/// values (agent, risk, state, category, status...), a date range and an amount range when the list has such columns,
/// plus whatever pickers the page adds (a job, an as-of date or week). Every input has a visible label.
/// </summary>
public static class ListForm
{
    /// <summary>The URL of <paramref name="path"/> showing <paramref name="query"/>, keeping the page's own parameters.</summary>
    public static string Link(string path, ListQuery query, IReadOnlyDictionary<string, string?> keep)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}");
            }
        }

        foreach (var (key, value) in keep)
        {
            Add(key, value);
        }

        Add("q", query.Search);
        foreach (var (key, value) in query.Matches)
        {
            Add(ListQuery.FilterPrefix + key, value);
        }

        Add("from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("min", query.MinAmount?.ToString(CultureInfo.InvariantCulture));
        Add("max", query.MaxAmount?.ToString(CultureInfo.InvariantCulture));
        Add("sort", query.Sort);
        Add("dir", query.Descending ? "desc" : null);
        Add("page", query.Page > 1 ? query.Page.ToString(CultureInfo.InvariantCulture) : null);
        Add("cursor", query.Cursor);
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }

    public static string Render(string path, ListQuery query, IReadOnlyList<ListColumn> columns, IReadOnlyList<JsonObject> rows, string pickers = "", string exports = "", string saved = "") =>
        Render(path, query, columns, c => rows.Select(r => ListQuery.Cell(r, c.Name)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Take(21).ToList(), pickers, exports, saved);

    /// <summary>
    /// The filter bar with each column's values given (issue 17: a list paged in SQL names them without reading every
    /// row), and right below it the person's <paramref name="saved"/> filters (<see cref="SavedFilterPages"/>): one place
    /// on the inbox, the worklists and every report.
    /// </summary>
    public static string Render(string path, ListQuery query, IReadOnlyList<ListColumn> columns, Func<ListColumn, IReadOnlyList<string>> choices, string pickers = "", string exports = "", string saved = "")
    {
        var html = new StringBuilder($"<form method=\"get\" action=\"{E(path)}\" class=\"filters card\" role=\"search\">{pickers}");
        html.Append($"<label>Search <input type=\"search\" name=\"q\" value=\"{E(query.Search)}\" placeholder=\"any text or amount\"></label>");
        // The job picker chooses the job of a report; a second "Job" choice over the column would only repeat it.
        foreach (var c in columns.Where(c => c.Kind == AccountingText.Kind.Text && !(c.Name == "job" && pickers.Contains("name=\"job\"", StringComparison.Ordinal))))
        {
            var values = choices(c);
            // A choice only for short values (agent, risk, state, status); long text is found with the search box.
            if ((values.Count is < 2 or > 20 || values.Any(v => v.Length > 40)) && !query.Matches.ContainsKey(c.Name))
            {
                continue;
            }

            var chosen = query.Matches.GetValueOrDefault(c.Name);
            html.Append($"<label>{E(c.Title)} <select name=\"{ListQuery.FilterPrefix}{E(c.Name)}\"><option value=\"\">All</option>");
            foreach (var v in values.Order(StringComparer.OrdinalIgnoreCase))
            {
                html.Append($"<option value=\"{E(v)}\"{(v == chosen ? " selected" : "")}>{E(c.Display(v))}</option>");
            }

            html.Append("</select></label>");
        }

        if (columns.FirstOrDefault(c => c.Kind == AccountingText.Kind.Date) is { } date)
        {
            html.Append($"<label>{E(date.Title)} from <input type=\"date\" name=\"from\" value=\"{query.From:yyyy-MM-dd}\"></label>")
                .Append($"<label>to <input type=\"date\" name=\"to\" value=\"{query.To:yyyy-MM-dd}\"></label>");
        }

        if (columns.FirstOrDefault(c => c.Kind == AccountingText.Kind.Money) is { } money)
        {
            html.Append($"<label>{E(money.Title)} at least <input name=\"min\" inputmode=\"decimal\" size=\"9\" value=\"{query.MinAmount}\"></label>")
                .Append($"<label>at most <input name=\"max\" inputmode=\"decimal\" size=\"9\" value=\"{query.MaxAmount}\"></label>");
        }

        html.Append(query.Sort is null ? "" : $"<input type=\"hidden\" name=\"sort\" value=\"{E(query.Sort)}\">")
            .Append(query.Descending ? "<input type=\"hidden\" name=\"dir\" value=\"desc\">" : "");
        return html.Append($"<button class=\"primary\">Apply</button><a href=\"{E(path)}?all=1\">Clear</a>{exports}</form>").Append(saved).ToString();
    }
}
