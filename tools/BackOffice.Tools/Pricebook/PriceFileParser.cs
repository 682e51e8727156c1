using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Domain.Pricebook;

namespace BackOffice.Tools.Pricebook;

/// <summary>The good lines and every bad row with its reasons (issue 8: the caller decides whether good rows alone may go in).</summary>
public sealed record ParsedPriceFile(IReadOnlyList<PriceLine> Lines, IReadOnlyList<BadPriceRow> BadRows);

/// <summary>Turns a price file's rows into price lines through a vendor's column mapping; never guesses a value.</summary>
public static partial class PriceFileParser
{
    [Description("Parse a vendor price file's rows with a column mapping: good lines, and each bad row with its row number and reasons.")]
    public static ParsedPriceFile Parse(
        [Description("All rows of the file, with row numbers")] IReadOnlyList<RawPriceRow> rows,
        [Description("Index of the header row within rows")] int headerIndex,
        [Description("The vendor's column mapping")] PriceFileMapping mapping)
    {
        var header = rows[headerIndex].Cells.Select(PriceFileHeaders.Key).ToList();
        int? Column(string? name) => name is null ? null : header.IndexOf(PriceFileHeaders.Key(name)) is var i and >= 0 ? i : null;
        var columns = new Columns(Column(mapping.Sku), Column(mapping.Description), Column(mapping.Unit), Column(mapping.Price), Column(mapping.Effective));
        if (columns.Price is null)
        {
            throw new ArgumentException($"The header row has no column '{mapping.Price}' for the price.", nameof(mapping));
        }

        var lines = new List<PriceLine>();
        var bad = new List<BadPriceRow>();
        var firstRowOfSku = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var reasons = new List<string>();
            var line = ParseRow(row, columns, mapping, reasons);
            if (line?.VendorSku is { } sku && !firstRowOfSku.TryAdd(sku, row.Row))
            {
                reasons.Add($"item number '{sku}' is already on row {firstRowOfSku[sku]}");
            }

            if (reasons.Count > 0 || line is null)
            {
                bad.Add(new BadPriceRow(row.Row, reasons));
            }
            else
            {
                lines.Add(line);
            }
        }

        return new ParsedPriceFile(lines, bad);
    }

    private sealed record Columns(int? Sku, int? Description, int? Unit, int? Price, int? Effective);

    private static PriceLine? ParseRow(RawPriceRow row, Columns columns, PriceFileMapping mapping, List<string> reasons)
    {
        string? Cell(int? index) => index is { } i && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i].Trim() : null;
        var sku = Cell(columns.Sku);
        var description = Cell(columns.Description);
        if (sku is null && description is null)
        {
            reasons.Add("no item number and no description");
        }

        var unitText = Cell(columns.Unit) ?? mapping.DefaultUnit;
        if (unitText is null)
        {
            reasons.Add("no unit");
        }
        else if (UnitsOfMeasure.Parse(unitText) is null)
        {
            reasons.Add($"unit '{unitText}' is not one the pricebook can read");
        }

        var price = Price(Cell(columns.Price), reasons);
        var effective = Effective(Cell(columns.Effective), reasons);
        return reasons.Count == 0 ? new PriceLine(row.Row, sku, description, unitText!, price!.Value, effective) : null;
    }

    /// <summary>Dollars, optional $ and thousands separators in groups of three, at most 4 decimals (unit_cost_e4), more than zero.</summary>
    private static decimal? Price(string? text, List<string> reasons)
    {
        if (text is null)
        {
            reasons.Add("no price");
            return null;
        }

        if (!PriceText().IsMatch(text))
        {
            reasons.Add(TooFine().IsMatch(text) ? $"price '{text}' has more than 4 decimals" : $"price '{text}' is not an amount like 12.50 or 1,234.5000");
            return null;
        }

        var price = decimal.Parse(text.TrimStart('$').Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (price <= 0m)
        {
            reasons.Add($"price '{text}' is not more than zero");
            return null;
        }

        return price;
    }

    /// <summary>ISO dates, and the US month/day/year that vendor exports use.</summary>
    private static DateOnly? Effective(string? text, List<string> reasons)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        reasons.Add($"effective date '{text}' is not yyyy-MM-dd or M/d/yyyy");
        return null;
    }

    [GeneratedRegex(@"^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,4})?$")]
    private static partial Regex PriceText();

    [GeneratedRegex(@"^\$?[\d,]+\.\d{5,}$")]
    private static partial Regex TooFine();
}
