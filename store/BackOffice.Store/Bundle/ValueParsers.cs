using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Store.Bundle;

/// <summary>A parsed CSV value as SQLite stores it (string, long or null), or why it could not be read.</summary>
public readonly record struct ParsedValue(object? Value, string? Error)
{
    public static ParsedValue Ok(object? value) => new(value, null);

    public static ParsedValue Fail(string error) => new(null, error);
}

/// <summary>
/// Reads bundle values exactly, in the invariant culture, through <see cref="decimal"/> only (DESIGN.md rule 8).
/// Each parser is given a trimmed, non-empty text.
/// </summary>
public static partial class ValueParsers
{
    private const decimal MaxMagnitude = 1_000_000_000_000m;

    public static ParsedValue Parse(ColumnSpec column, string text) => column.Kind switch
    {
        ValueKind.Text => ParsedValue.Ok(text),
        ValueKind.Enum => Enum(text, column.Allowed),
        ValueKind.Money => Money(text),
        ValueKind.Percent => Percent(text),
        ValueKind.E4 => E4(text),
        ValueKind.Integer => Integer(text),
        ValueKind.Date => Date(text),
        ValueKind.DateTime => DateTime(text),
        ValueKind.Bool => Bool(text),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown value kind."),
    };

    /// <summary>1234.56, -12.00, 1,234.56, $1,234.56, (1,234.56) -> cents. Trailing zeros past the cent are accepted (12.500).</summary>
    public static ParsedValue Money(string text)
    {
        var body = text;
        var negative = false;
        if (body.Length > 2 && body[0] == '(' && body[^1] == ')')
        {
            (negative, body) = (true, body[1..^1]);
        }

        if (!negative && body.StartsWith('-'))
        {
            (negative, body) = (true, body[1..]);
        }

        if (body.StartsWith('$'))
        {
            body = body[1..];
        }

        if (!negative && body.StartsWith('-'))
        {
            (negative, body) = (true, body[1..]);
        }

        var expected = $"expected an amount like 1234.56, -12.00, $1,234.56 or (1,234.56), got '{text}'";
        if (!MoneyShape().IsMatch(body) || !TryDecimal(body.Replace(",", "", StringComparison.Ordinal), out var dollars))
        {
            return ParsedValue.Fail(expected);
        }

        var cents = dollars * 100m;
        if (cents != decimal.Truncate(cents))
        {
            return ParsedValue.Fail($"amount '{text}' has a fraction of a cent; use at most 2 decimal places");
        }

        return ParsedValue.Ok((long)(negative ? -cents : cents));
    }

    /// <summary>10, 7.5, 10% -> basis points (10% = 1000), from 0 to 100 with at most 2 decimals.</summary>
    public static ParsedValue Percent(string text)
    {
        var body = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (!UnsignedDecimal().IsMatch(body) || !TryDecimal(body, out var percent) || percent > 100m)
        {
            return ParsedValue.Fail($"expected a percentage from 0 to 100 like 10, 7.5 or 10%, got '{text}'");
        }

        var bp = percent * 100m;
        return bp == decimal.Truncate(bp)
            ? ParsedValue.Ok((long)bp)
            : ParsedValue.Fail($"percentage '{text}' has more than 2 decimal places");
    }

    /// <summary>Hours, quantities and unit costs: a non-negative number with at most 4 decimals -> ten-thousandths.</summary>
    public static ParsedValue E4(string text)
    {
        if (!UnsignedDecimal().IsMatch(text) || !TryDecimal(text, out var number))
        {
            return ParsedValue.Fail($"expected a non-negative number like 7.5 or 12.3456, got '{text}'");
        }

        var scaled = number * 10_000m;
        return scaled == decimal.Truncate(scaled)
            ? ParsedValue.Ok((long)scaled)
            : ParsedValue.Fail($"number '{text}' has more than 4 decimal places");
    }

    public static ParsedValue Integer(string text) =>
        UnsignedInteger().IsMatch(text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? ParsedValue.Ok(n)
            : ParsedValue.Fail($"expected a whole number like 1, got '{text}'");

    /// <remarks>Issue 18: a date given as yyyy-MM-dd is already its stored text, kept rather than formatted again.</remarks>
    public static ParsedValue Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? ParsedValue.Ok(text.Length == 10 ? text : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : ParsedValue.Fail($"expected a date as yyyy-MM-dd, got '{text}'");

    /// <summary>Local wall-clock time; stored with seconds so that stored values sort and compare as text.</summary>
    public static ParsedValue DateTime(string text) =>
        System.DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var at)
            ? ParsedValue.Ok(at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture))
            : ParsedValue.Fail($"expected a local date and time as yyyy-MM-ddTHH:mm, got '{text}'");

    public static ParsedValue Bool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" => ParsedValue.Ok(1L),
        "false" or "no" or "0" => ParsedValue.Ok(0L),
        _ => ParsedValue.Fail($"expected true/false, yes/no or 1/0, got '{text}'"),
    };

    /// <summary>Matched without regard to case, stored in the canonical spelling.</summary>
    public static ParsedValue Enum(string text, IReadOnlyList<string> allowed)
    {
        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? ParsedValue.Ok(match)
            : ParsedValue.Fail($"expected one of {string.Join(", ", allowed)}, got '{text}'");
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value < MaxMagnitude;

    [GeneratedRegex(@"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex MoneyShape();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex UnsignedDecimal();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex UnsignedInteger();
}
