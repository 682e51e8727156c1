using System.Globalization;
using BackOffice.Store.Bundle;

namespace BackOffice.Kernel.Exports;

/// <summary>
/// One data row of an export file as its layout's fields. Every problem is recorded naming the file, the row (the
/// spreadsheet row or CSV line, title rows counted) and the column header, and marks the row bad so it is not imported.
/// <paramref name="groups"/> are the group rows the row sits under, outermost first (a QuickBooks report's account
/// sections, issue 14), for layouts whose rows take a value from their group.
/// </summary>
public sealed class ExportRow(
    string file, int row, IReadOnlyList<string> cells, DetectedHeader header, List<BundleError> errors, IReadOnlyList<string>? groups = null)
{
    public string File { get; } = file;

    public int Row { get; } = row;

    public bool Bad { get; private set; }

    public IReadOnlyList<string> Groups { get; } = groups ?? [];

    public string Source => header.Layout.Source;

    public string Kind => header.Layout.Kind;

    public bool Has(string field) => header.Columns.ContainsKey(field);

    public string Header(string field) => header.Mapping.Headers.GetValueOrDefault(field) ?? header.Layout.Field(field).Headers[0];

    /// <summary>The trimmed text of a field; "" when the column is absent or the cell blank.</summary>
    public string Text(string field) =>
        header.Columns.TryGetValue(field, out var column) && column < cells.Count ? cells[column].Trim() : "";

    public string? TextOrNull(string field) => ExportValues.IsBlank(Text(field)) ? null : Text(field);

    public string RequiredText(string field)
    {
        var text = TextOrNull(field);
        if (text is null)
        {
            Fail(field, "a value is required");
        }

        return text ?? "";
    }

    public decimal? Money(string field, bool required = false) => Cell(field, ExportValues.Money(Text(field)), required, "an amount");

    public DateOnly? Date(string field, bool required = false) => Cell(field, ExportValues.Date(Text(field)), required, "a date as MM/dd/yyyy");

    public decimal? Hours(string field, bool required = false) => Cell(field, ExportValues.Hours(Text(field)), required, "hours");

    /// <summary>Holds the row back without an error of its own (a name waits for a person, issue 14).</summary>
    public void Hold() => Bad = true;

    public void Fail(string? field, string message)
    {
        Bad = true;
        errors.Add(new BundleError(File, Row, field is null ? null : Header(field), message));
    }

    public static string MoneyText(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string DateText(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private T? Cell<T>(string field, ExportCell<T> cell, bool required, string expected)
        where T : struct
    {
        if (cell.Error is not null)
        {
            Fail(field, cell.Error);
        }
        else if (cell.Value is null && required)
        {
            Fail(field, $"a value is required ({expected})");
        }

        return cell.Value;
    }
}
