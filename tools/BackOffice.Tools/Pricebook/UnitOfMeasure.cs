using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Tools.Pricebook;

/// <summary>Count units convert among themselves (each, box of 50, per 100, per M), length units likewise (ft, 100 ft, m); anything else only to itself.</summary>
public enum UnitDimension
{
    Count,
    Length,
    Own,
}

/// <summary>
/// A unit of measure: its dimension and its size in that dimension's base (count: each; length: metre, so that
/// 1 ft = 0.3048 m is exact). <paramref name="Code"/> names an <see cref="UnitDimension.Own"/> unit (SHT, PAIL).
/// </summary>
public sealed record UnitOfMeasure(UnitDimension Dimension, decimal Size, string Code);

/// <summary>
/// Reads the units vendors write and converts prices between them (issue 8). "M" is the trade's Roman thousand
/// (nails per M, lumber per MBF), never metre: metres are spelled MTR, METER or METRE, because a price file that
/// says "M" for metre and one that says it for thousand cannot both be right, and the thousand is far commoner.
/// </summary>
public static partial class UnitsOfMeasure
{
    private const decimal Foot = 0.3048m;

    private static readonly Dictionary<string, UnitOfMeasure> Simple = new(StringComparer.Ordinal)
    {
        ["EA"] = Count(1), ["EACH"] = Count(1), ["PC"] = Count(1), ["PCS"] = Count(1), ["PIECE"] = Count(1), ["UNIT"] = Count(1),
        ["C"] = Count(100), ["HUNDRED"] = Count(100), ["CT"] = Count(100),
        ["M"] = Count(1000), ["THOUSAND"] = Count(1000), ["MPC"] = Count(1000),
        ["DZ"] = Count(12), ["DOZ"] = Count(12), ["DOZEN"] = Count(12),
        ["FT"] = Length(Foot), ["LF"] = Length(Foot), ["FOOT"] = Length(Foot), ["FEET"] = Length(Foot), ["LINFT"] = Length(Foot),
        ["CLF"] = Length(100 * Foot), ["CFT"] = Length(100 * Foot), ["MLF"] = Length(1000 * Foot), ["MFT"] = Length(1000 * Foot),
        ["MTR"] = Length(1), ["METER"] = Length(1), ["METRE"] = Length(1), ["METERS"] = Length(1), ["METRES"] = Length(1), ["LM"] = Length(1),
    };

    private static readonly Dictionary<string, string> OwnSynonyms = new(StringComparer.Ordinal)
    {
        ["SHEET"] = "SHT", ["SH"] = "SHT", ["SHEETS"] = "SHT", ["BX"] = "BOX", ["BOXES"] = "BOX", ["CS"] = "CASE", ["PK"] = "PACK",
        ["PKG"] = "PACK", ["RL"] = "ROLL", ["ROLLS"] = "ROLL", ["BG"] = "BAG", ["BAGS"] = "BAG", ["GALLON"] = "GAL", ["PL"] = "PAIL",
    };

    [Description("Read a unit of measure as a vendor writes it: EA, BOX OF 50, BX/50, C (per 100), M (per 1000), CLF or 100 FT, FT, MTR. Null if it cannot be read.")]
    public static UnitOfMeasure? Parse([Description("Unit text, e.g. 'BOX OF 50' or 'per 100 ft'")] string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = Spaces().Replace(text.ToUpperInvariant().Replace(".", "", StringComparison.Ordinal), " ").Trim();
        t = t.StartsWith("PER ", StringComparison.Ordinal) ? t[4..] : t.TrimStart('/');
        if (Simple.TryGetValue(t.Replace(" ", "", StringComparison.Ordinal), out var simple))
        {
            return simple;
        }

        if (Multiple().Match(t) is { Success: true } multiple)
        {
            return Scaled(multiple.Groups["n"].Value, multiple.Groups["u"].Value);
        }

        if (Container().Match(t) is { Success: true } container)
        {
            return Scaled(container.Groups["n"].Value, container.Groups["u"].Success ? container.Groups["u"].Value : "EA");
        }

        return OwnCode().IsMatch(t) ? new UnitOfMeasure(UnitDimension.Own, 1m, OwnSynonyms.GetValueOrDefault(t, t)) : null;
    }

    [Description("Convert a price per the vendor's unit into a price per the pricebook's unit, or null when the units do not convert (each to feet, box to box of 50).")]
    public static decimal? ConvertPrice(
        [Description("Price in dollars per the vendor's unit")] decimal price,
        [Description("The vendor's unit")] UnitOfMeasure from,
        [Description("The pricebook's unit")] UnitOfMeasure to)
    {
        if (from.Dimension != to.Dimension || (from.Dimension == UnitDimension.Own && from.Code != to.Code))
        {
            return null;
        }

        // Multiply before dividing: 0.3048 per ft is exactly 1 per metre, where 0.3048 x (1 / 0.3048) is not.
        return price * to.Size / from.Size;
    }

    /// <summary>"N unit": 100 FT, 250FT, 50 EA. Only a base-size unit can be multiplied (100 C is not a unit).</summary>
    private static UnitOfMeasure? Scaled(string number, string unit)
    {
        var n = decimal.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (n <= 0m || !Simple.TryGetValue(unit, out var baseUnit) || baseUnit.Size is not (1m or Foot))
        {
            return null;
        }

        return baseUnit with { Size = baseUnit.Size * n, Code = "" };
    }

    private static UnitOfMeasure Count(decimal size) => new(UnitDimension.Count, size, "");

    private static UnitOfMeasure Length(decimal size) => new(UnitDimension.Length, size, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>[A-Z]+)$")]
    private static partial Regex Multiple();

    /// <summary>BOX OF 50, BX/50, BX50, CS-12, ROLL OF 250 FT, BOX 100 EA.</summary>
    [GeneratedRegex(@"^[A-Z]+\s*(OF|/|-)?\s*(?<n>\d+(\.\d+)?)\s*(?<u>[A-Z]+)?$")]
    private static partial Regex Container();

    [GeneratedRegex(@"^[A-Z]{1,12}$")]
    private static partial Regex OwnCode();
}
