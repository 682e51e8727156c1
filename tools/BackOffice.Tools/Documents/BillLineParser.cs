using System.Text.RegularExpressions;
using BackOffice.Domain.Documents;

namespace BackOffice.Tools.Documents;

/// <summary>
/// Finds a bill's line items by shape: "qty [unit] description price amount", "description qty price amount", or
/// "description   amount". Summary lines (subtotal, tax, total, retainage, amounts due) are not items.
/// </summary>
internal static partial class BillLineParser
{
    private const string Amount = @"\(?-?\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}\)?";

    public static IReadOnlyList<BillLineItem> Lines(string[] lines)
    {
        var items = new List<BillLineItem>();
        foreach (var raw in lines)
        {
            var line = raw.Replace('\t', ' ').Replace("|", "  ", StringComparison.Ordinal).TrimEnd();
            if (Summary().IsMatch(line) || line.Count(char.IsLetter) < 3)
            {
                continue;
            }

            if (Parse(line) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static BillLineItem? Parse(string line)
    {
        var m = QtyFirst().Match(line);
        if (!m.Success)
        {
            m = QtyAfterDescription().Match(line);
        }

        if (m.Success)
        {
            var unit = m.Groups["unit"].Success ? m.Groups["unit"].Value.ToUpperInvariant() : null;
            return new BillLineItem(Collapse(m.Groups["desc"].Value), TextValues.Amount(m.Groups["qty"].Value), unit,
                TextValues.Amount(m.Groups["price"].Value), TextValues.Amount(m.Groups["amt"].Value)!.Value);
        }

        m = DescriptionAmount().Match(line);
        return m.Success
            ? new BillLineItem(Collapse(m.Groups["desc"].Value), null, null, null, TextValues.Amount(m.Groups["amt"].Value)!.Value)
            : null;
    }

    private static string Collapse(string text) => Whitespace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"^\s*(?<qty>\d+(?:\.\d+)?)\s+(?:(?<unit>EA|EACH|SHT|SHEETS?|LF|SF|SY|CY|HRS?|HOURS?|DAYS?|WK|MO|LS|BOX|BX|PCS?|GAL|TONS?|BAGS?|RL|ROLLS?|BDL|PR|SET|LOT)\s+)?(?<desc>\S.*?)\s+(?<price>" + Amount + @")\s+(?<amt>" + Amount + @")\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QtyFirst();

    [GeneratedRegex(@"^\s*(?<desc>\S.*?[A-Za-z].*?)\s{2,}(?<qty>\d+(?:\.\d+)?)\s+(?:(?<unit>EA|SHT|LF|SF|HRS?|DAYS?|LS|GAL)\s+)?(?<price>" + Amount + @")\s+(?<amt>" + Amount + @")\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QtyAfterDescription();

    [GeneratedRegex(@"^\s*(?<desc>\S.*?[A-Za-z]{3}.*?)\s{2,}(?<amt>" + Amount + @")\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionAmount();

    [GeneratedRegex(@"\b(sub\s*-?\s*total|total|tax|due|retain(age|ed)|balance|this\s+period|previous(ly)?|payments?\s+(received|applied)|paid|deposit|credit\s+applied|less\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Summary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
