using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BackOffice.Host.ApprovalConsole;

/// <summary>
/// What a person asked of a list (issue 17): a search, a sort, a page, and filters (a column equal to a value, a date
/// range on the list's date column, an amount range on its first amount column). Applied on the server, so a page
/// carries one page of rows however large the list is.
/// </summary>
public sealed record ListQuery(
    string? Search, string? Sort, bool Descending, int Page, IReadOnlyDictionary<string, string> Matches,
    DateOnly? From, DateOnly? To, decimal? MinAmount, decimal? MaxAmount)
{
    public const string FilterPrefix = "f_";

    /// <summary>Issue 17: where a list paged in SQL (keyset) resumes; <see cref="Page"/> then only numbers the page shown.</summary>
    public string? Cursor { get; init; }

    public static ListQuery Parse(IQueryCollection query)
    {
        var equals = query.Where(q => q.Key.StartsWith(FilterPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(q.Value))
            .ToDictionary(q => q.Key[FilterPrefix.Length..], q => q.Value.ToString(), StringComparer.Ordinal);
        return new ListQuery(
            Blank(query["q"]), Blank(query["sort"]), query["dir"] == "desc",
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            equals, Date(query["from"], "from"), Date(query["to"], "to"), Amount(query["min"], "min"), Amount(query["max"], "max"))
        {
            Cursor = Blank(query["cursor"]),
        };
    }

    /// <summary>The rows that pass every filter, sorted; the caller takes one page of them.</summary>
    public IReadOnlyList<JsonObject> Apply(IReadOnlyList<JsonObject> rows, IReadOnlyList<ListColumn> columns)
    {
        var date = columns.FirstOrDefault(c => c.Kind == AccountingText.Kind.Date);
        var amount = columns.FirstOrDefault(c => c.Kind == AccountingText.Kind.Money);
        IEnumerable<JsonObject> kept = rows.Where(r => Matches.All(e => string.Equals(Cell(r, e.Key), e.Value, StringComparison.Ordinal)));
        if (Search is { } search)
        {
            kept = kept.Where(r => columns.Any(c => Cell(r, c.Name).Contains(search, StringComparison.OrdinalIgnoreCase)
                                                   || c.Display(Cell(r, c.Name)).Contains(search, StringComparison.OrdinalIgnoreCase)));
        }

        if (date is not null && (From is not null || To is not null))
        {
            kept = kept.Where(r => DateOnly.TryParseExact(Cell(r, date.Name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                                   && (From is null || d >= From) && (To is null || d <= To));
        }

        if (amount is not null && (MinAmount is not null || MaxAmount is not null))
        {
            kept = kept.Where(r => Number(Cell(r, amount.Name)) is { } a && (MinAmount is null || a >= MinAmount) && (MaxAmount is null || a <= MaxAmount));
        }

        var sort = columns.FirstOrDefault(c => c.Name == Sort);
        return sort is null ? kept.ToList() : Sorted(kept, sort).ToList();
    }

    /// <summary>The same filters with another sort or page; a new page number drops the keyset cursor (it belongs to one page).</summary>
    public ListQuery With(string? sort = null, bool? descending = null, int? page = null) =>
        this with { Sort = sort ?? Sort, Descending = descending ?? Descending, Page = page ?? Page, Cursor = page is null ? Cursor : null };

    /// <summary>The page after this one of a list paged in SQL: its cursor, and the page's number for "Showing 51-100".</summary>
    public ListQuery After(string cursor) => this with { Page = Page + 1, Cursor = cursor };

    public static string Cell(JsonObject row, string column) => row[column] switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var node => node.ToJsonString(),
    };

    public static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private IEnumerable<JsonObject> Sorted(IEnumerable<JsonObject> rows, ListColumn column)
    {
        // Numbers sort as numbers and dates as their ISO text; an empty cell sorts last either way.
        var numeric = AccountingText.IsRightAligned(column.Kind);
        var ordered = rows.OrderBy(r => Cell(r, column.Name) == "" ? 1 : 0);
        return numeric
            ? Descending ? ordered.ThenByDescending(r => Number(Cell(r, column.Name))) : ordered.ThenBy(r => Number(Cell(r, column.Name)))
            : Descending ? ordered.ThenByDescending(r => Cell(r, column.Name), StringComparer.OrdinalIgnoreCase) : ordered.ThenBy(r => Cell(r, column.Name), StringComparer.OrdinalIgnoreCase);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Date(string? text, string field) => Blank(text) is { } t
        ? DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new BadListQueryException($"The '{field}' date '{t}' is not a date (yyyy-MM-dd).")
        : null;

    private static decimal? Amount(string? text, string field) => Blank(text) is { } t
        ? Number(t.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal))
          ?? throw new BadListQueryException($"The '{field}' amount '{t}' is not an amount.")
        : null;
}

/// <summary>A column of a list: its name in the rows, its title in words, what it holds and how a value is shown.</summary>
public sealed record ListColumn(string Name, string Title, AccountingText.Kind Kind, Func<string, string> Display)
{
    /// <summary>Issue 17: whether the footer adds this money column up (not a rate, and not a report whose rows do not add).</summary>
    public bool Sums { get; init; } = true;
}

/// <summary>A filter value that cannot be read (a date that is not a date): the page says which field, nothing is guessed.</summary>
public sealed class BadListQueryException(string message) : ArgumentException(message);
