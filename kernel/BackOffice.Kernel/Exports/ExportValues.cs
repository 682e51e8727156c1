using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Kernel.Exports;

/// <summary>A cell read as a value: the value (null for a blank cell), or what was expected instead.</summary>
public readonly record struct ExportCell<T>(T? Value, string? Error)
    where T : struct
{
    public static ExportCell<T> Ok(T? value) => new(value, null);

    public static ExportCell<T> Fail(string error) => new(null, error);
}

/// <summary>
/// Reads cells as Buildertrend, QuickBooks Online and Procore write them (issue 14; notes/procore.md sections 6-8):
/// amounts like "$1,234.50", "(1,234.50)", "-$1,234.50"; dates MM/dd/yyyy (or M/d/yyyy, yyyy-MM-dd from a sheet's date
/// cell, an Excel serial from a legacy .xls, "Monday, October 20, 2025"); durations "09:56" or "25.75". A blank cell,
/// or Buildertrend's "-", is no value. Nothing is ever read as a floating-point number.
/// </summary>
public static partial class ExportValues
{
    private static readonly string[] DateFormats =
        ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd", "dddd, MMMM d, yyyy", "MMMM d, yyyy", "MMM d, yyyy"];

    public static bool IsBlank(string text) => text.Trim() is "" or "-" or "--";

    public static ExportCell<decimal> Money(string text)
    {
        var t = text.Trim();
        if (IsBlank(t))
        {
            return ExportCell<decimal>.Ok(null);
        }

        var negative = t.StartsWith('(') && t.EndsWith(')');
        t = negative ? t[1..^1].Trim() : t;
        if (t.StartsWith('-'))
        {
            negative = !negative;
            t = t[1..];
        }

        t = t.StartsWith('$') ? t[1..] : t;
        if (t.StartsWith('-') && !negative)
        {
            negative = true;
            t = t[1..];
        }

        if (!AmountPattern().IsMatch(t) ||
            !decimal.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return ExportCell<decimal>.Fail($"expected an amount like $1,234.50 or (1,234.50), got '{text}'");
        }

        var cents = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        // A spreadsheet cell is a binary double: 1234.5600000000002 is 1234.56 as the sheet shows it; a real third
        // decimal place (12.345) is refused, never rounded away.
        if (Math.Abs(cents - value) >= 0.000001m)
        {
            return ExportCell<decimal>.Fail($"expected an amount in whole cents, got '{text}'");
        }

        return ExportCell<decimal>.Ok(negative ? -cents : cents);
    }

    public static ExportCell<DateOnly> Date(string text)
    {
        var t = text.Trim();
        if (IsBlank(t))
        {
            return ExportCell<DateOnly>.Ok(null);
        }

        if (DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ExportCell<DateOnly>.Ok(date);
        }

        // Legacy .xls exports keep dates as Excel serial numbers (day 1 = 1900-01-01, epoch 1899-12-30; notes section 6).
        if (SerialPattern().IsMatch(t))
        {
            return ExportCell<DateOnly>.Ok(DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(int.Parse(t, CultureInfo.InvariantCulture))));
        }

        return ExportCell<DateOnly>.Fail($"expected a date as MM/dd/yyyy, got '{text}'");
    }

    /// <summary>Hours: "HH:MM" (minutes to hours, rounded half away from zero to 4 places) or a decimal with at most 4 places.</summary>
    public static ExportCell<decimal> Hours(string text)
    {
        var t = text.Trim();
        if (IsBlank(t))
        {
            return ExportCell<decimal>.Ok(null);
        }

        var clock = ClockPattern().Match(t);
        if (clock.Success)
        {
            var minutes = int.Parse(clock.Groups[2].Value, CultureInfo.InvariantCulture);
            if (minutes < 60)
            {
                var hours = int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) + decimal.Round(minutes / 60m, 4, MidpointRounding.AwayFromZero);
                return ExportCell<decimal>.Ok(hours);
            }
        }
        else if (HoursPattern().IsMatch(t))
        {
            return ExportCell<decimal>.Ok(decimal.Parse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        }

        return ExportCell<decimal>.Fail($"expected hours as HH:MM or a number like 7.5, got '{text}'");
    }

    [GeneratedRegex(@"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex SerialPattern();

    [GeneratedRegex(@"^(\d{1,3}):(\d{2})$")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"^\d{1,4}(\.\d{1,4})?$")]
    private static partial Regex HoursPattern();
}
