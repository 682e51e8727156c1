using System.Globalization;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Worklists;

/// <summary>
/// What a person asked of a list paged in SQL (issue 17): a search, columns equal to values, a sort (null: the list's
/// own order) and a page of <paramref name="Limit"/> rows after <paramref name="After"/> (null limit: every match, as an
/// export takes them).
/// </summary>
public sealed record ListPageQuery(
    string? Search, IReadOnlyDictionary<string, string> Matches, string? Sort, bool Descending, int? Limit, KeysetCursor? After);

/// <summary>One page of rows, how many match in all, and the cursor of the next page (null on the last).</summary>
public sealed record ListPageOf<T>(IReadOnlyList<T> Rows, long Count, KeysetCursor? Next);

/// <summary>
/// The shape of a list read in SQL: its table (<paramref name="From"/>, with <paramref name="Where"/> always applied),
/// its id (integer or text), the sorts by column name (<paramref name="DefaultSort"/> when none is asked, in
/// <paramref name="DefaultDescending"/> order), the columns a value may be picked of, and the columns the search reads;
/// of those, <paramref name="Named"/> are the texts whose record ids the page shows as names (<see cref="NamedRecords"/>).
/// </summary>
public sealed record ListShape(
    string Name, string From, string Where, string Id, bool NumericId, IReadOnlyDictionary<string, KeysetSort> Sorts,
    string DefaultSort, bool DefaultDescending, IReadOnlyDictionary<string, string> Matchable, IReadOnlyList<string> Searched,
    IReadOnlyList<string>? Named = null);

/// <summary>
/// Issue 17: one way to filter, sort and page a list in SQL through <see cref="KeysetPaging"/> (the console's inbox,
/// findings and audit log used to read every row per request and page in memory). Text sorts compare bytes on both
/// engines (COLLATE "C" on PostgreSQL, SQLite's BINARY), so a page is the same whichever engine serves it.
/// </summary>
public static class SqlList
{
    private sealed class SortKey
    {
        public object? SortValue { get; init; }

        public object? SortId { get; init; }
    }

    public static async Task<ListPageOf<T>> ReadAsync<T>(DataUnit unit, ListShape shape, string select, ListPageQuery query, CancellationToken cancellationToken)
    {
        var (sort, descending) = SortOf(unit.Dialect, shape, query);
        var parameters = new DynamicParameters();
        var named = query.Search is { } search && shape.Named is { Count: > 0 } ? await NamedRecords.IdsAsync(unit, search, cancellationToken) : [];
        var where = WhereOf(unit.Dialect, shape, query, named, parameters);
        var keyset = KeysetPaging.After(sort, shape.Id, descending, query.After, parameters, shape.NumericId);
        var limit = query.Limit ?? (int.MaxValue - 1);
        parameters.Add("Limit", limit + 1);
        var read = await unit.Connection.QueryAsync<T, SortKey, (T Row, SortKey Key)>(new CommandDefinition(
            $"""
            SELECT {select}, {sort.Expression} AS SortValue, {shape.Id} AS SortId FROM {shape.From}
            WHERE {where}{keyset} ORDER BY {KeysetPaging.OrderBy(sort, shape.Id, descending)} LIMIT @Limit
            """, parameters, unit.Transaction, cancellationToken: cancellationToken), (row, key) => (row, key), splitOn: "SortValue");
        var rows = read.AsList();
        var next = KeysetPaging.Cut(rows, limit, r => new KeysetCursor(Text(r.Key.SortValue), Text(r.Key.SortId)));
        var count = await unit.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {shape.From} WHERE {where}", parameters, unit.Transaction, cancellationToken: cancellationToken));
        return new ListPageOf<T>(rows.Select(r => r.Row).ToList(), count, next);
    }

    /// <summary>The distinct values of a matchable column (at most <paramref name="limit"/>), for the list's choice of it.</summary>
    public static async Task<IReadOnlyList<string>> ChoicesAsync(DataUnit unit, ListShape shape, string column, int limit, CancellationToken cancellationToken)
    {
        var expression = shape.Matchable[column];
        return (await unit.Connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT {expression} FROM {shape.From} WHERE {shape.Where} AND {expression} IS NOT NULL ORDER BY 1 LIMIT @Limit",
            new { Limit = limit }, unit.Transaction, cancellationToken: cancellationToken))).AsList();
    }

    private static (KeysetSort Sort, bool Descending) SortOf(StoreDialect dialect, ListShape shape, ListPageQuery query)
    {
        var name = query.Sort ?? shape.DefaultSort;
        var sort = shape.Sorts.TryGetValue(name, out var s) ? s
            : throw new ArgumentException($"sort: the {shape.Name} cannot be sorted by '{name}' (one of {string.Join(", ", shape.Sorts.Keys)}).", nameof(query));
        var bytes = sort.Numeric || dialect != StoreDialect.Postgres ? sort : sort with { Expression = $"({sort.Expression}) COLLATE \"C\"" };
        return (bytes, query.Sort is null ? shape.DefaultDescending : query.Descending);
    }

    private static string WhereOf(StoreDialect dialect, ListShape shape, ListPageQuery query, IReadOnlyList<string> named, DynamicParameters parameters)
    {
        var where = new List<string> { shape.Where };
        var i = 0;
        foreach (var (column, value) in query.Matches.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var expression = shape.Matchable.TryGetValue(column, out var e) ? e
                : throw new ArgumentException($"f_{column}: the {shape.Name} cannot be filtered by '{column}' (one of {string.Join(", ", shape.Matchable.Keys)}; the search box finds any text).", nameof(query));
            where.Add($"{expression} = @Match{i}");
            parameters.Add($"Match{i++}", value);
        }

        if (query.Search is { } search)
        {
            // The words as stored, or a record the page names by the words searched (issue 17: "Permits and Fees" finds "... to acct-5400").
            var byName = named.Count == 0 ? [] : (shape.Named ?? []).Select(c => NamedRecords.AnyIn(dialect, c, "@Named"));
            where.Add("(" + string.Join(" OR ", shape.Searched.Select(c => $"LOWER({c}) LIKE @Like ESCAPE '\\'").Concat(byName)) + ")");
            parameters.Add("Like", KeysetPaging.Contains(search));
            parameters.Add("Named", System.Text.Json.JsonSerializer.Serialize(named));
        }

        return string.Join(" AND ", where);
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
