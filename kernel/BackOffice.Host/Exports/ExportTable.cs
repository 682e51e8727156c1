using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackOffice.Host.ApprovalConsole;
using BackOffice.Kernel.Abstractions.Reports;

namespace BackOffice.Host.Exports;

/// <summary>
/// A report or list ready to export (issue 17): column titles in words, what each column holds, and the rows with their
/// invariant values (amounts "1234.50", dates yyyy-MM-dd), plus the report's own total row when it has one. The console
/// and the CLI both export through this, so `report NAME --format xlsx` and the console's link give the same file.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<JsonObject> Rows)
{
    public static ExportTable From(ReportTable table) =>
        new(table.Title, table.Columns.Select(c => new ExportColumn(c, AccountingText.Title(c), AccountingText.KindOf(c, table.Rows.Select(r => ListQuery.Cell(r, c))))).ToList(), table.Rows);

    public static ExportTable From(string title, IReadOnlyList<ListColumn> columns, IReadOnlyList<JsonObject> rows) =>
        new(title, columns.Select(c => new ExportColumn(c.Name, c.Title, c.Kind)).ToList(), rows);

    /// <summary>RFC 4180 CSV: a header of titles, CRLF line ends, a field quoted when it holds a comma, quote or line break.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(",", Columns.Select(c => Quote(c.Title)))).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.Append(string.Join(",", Columns.Select(c => Quote(ListQuery.Cell(row, c.Name))))).Append("\r\n");
        }

        return csv.ToString();
    }

    public byte[] ToXlsx() => XlsxWriter.Write(this);

    public byte[] Write(string format) => format switch
    {
        "csv" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetBytes(ToCsv()),
        "xlsx" => ToXlsx(),
        _ => throw new ArgumentException($"Export format '{format}' is not csv or xlsx.", nameof(format)),
    };

    public static string ContentType(string format) => format == "xlsx"
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A cell's value as a decimal, for amounts, percentages and numbers; null when empty or not a number.</summary>
    public static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
}

public sealed record ExportColumn(string Name, string Title, AccountingText.Kind Kind);
