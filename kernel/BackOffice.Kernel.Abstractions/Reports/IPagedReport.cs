using System.Text.Json.Nodes;

namespace BackOffice.Kernel.Abstractions.Reports;

/// <summary>
/// A report whose rows are a plain table read that can be filtered, sorted and paged where the data is (issue 17): the
/// console asks it for one page instead of computing every row and cutting the page in memory. Its
/// <see cref="IReport.RunAsync"/> still gives every row (the API, the CLI).
/// </summary>
public interface IPagedReport : IReport
{
    /// <summary>The columns it sorts by; the console offers a sort link on these only.</summary>
    IReadOnlyCollection<string> Sortable { get; }

    /// <summary>The column it sorts by when none is asked.</summary>
    string DefaultSort { get; }

    Task<ReportPage> PageAsync(ReportRequest request, ReportPageQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// A list's filters as the console's URL carries them: a search, a column equal to a value, a date and an amount range,
/// a sort, and a page of <paramref name="Limit"/> rows after <paramref name="Cursor"/> (null limit: every matching row).
/// </summary>
public sealed record ReportPageQuery(
    string? Search, IReadOnlyDictionary<string, string> Matches, DateOnly? From, DateOnly? To, decimal? Min, decimal? Max,
    string? Sort, bool Descending, int? Limit, string? Cursor);

/// <summary>
/// One page: the table (title, columns, this page's rows), how many rows match in all, a total row over all of them
/// (its money columns summed), the cursor of the next page (null on the last), and each filterable column's values.
/// </summary>
public sealed record ReportPage(ReportTable Table, long Count, JsonObject Total, string? Next, IReadOnlyDictionary<string, IReadOnlyList<string>> Choices);
