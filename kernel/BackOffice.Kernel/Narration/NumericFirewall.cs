using System.Globalization;
using System.Text.RegularExpressions;
using BackOffice.Kernel.Abstractions.Proposals;

namespace BackOffice.Kernel.Narration;

/// <summary>Whether a narrative may be shown, and if not, every token that broke the rule.</summary>
public sealed record FirewallVerdict(bool Passed, IReadOnlyList<string> Violations);

/// <summary>
/// The numeric firewall (DESIGN.md rule 1, issue 4): every number, amount, percentage and date in a model-written
/// narrative must be one of the figures computed for that finding. A pure function; it never corrects a narrative,
/// it only accepts or rejects it. What it accepts, per kind of token:
/// <list type="bullet">
/// <item>Dates: 2026-11-03, 11/3/2026 (US month first), November 3, 2026 / Nov 3 2026 / 3 November 2026, and
/// "November 3" without a year when some date figure falls on that month and day; a bare four-digit year when it is
/// the year of a date figure. Each must equal a "date" figure.</item>
/// <item>Percentages: 10%, 10.0 %, 10 percent: the number must equal a "percent" figure.</item>
/// <item>Amounts: $12,500.00 = $12,500 = 12500 = 12,500 = USD 12500 = $12.5k = 12.5 thousand = $0.0125M: with a
/// currency sign or a k/M/thousand/million suffix the value must equal a "usd" figure exactly (so $12.3k for
/// 12,345.67 is a rounding, rejected). Signs are not compared: "a credit of $500" for -500.00 passes.</item>
/// <item>Plain numbers: equal to any usd, percent or count figure.</item>
/// <item>Identifiers with digits (invoice RP-007, commitment SC-003, job 2026-014, cost code 22-000): must appear
/// verbatim in the facts the narrative was written from (title, template narrative, payload), else rejected.</item>
/// </list>
/// Numbers written as words ("three") are not checked.
/// </summary>
public static partial class NumericFirewall
{
    public static FirewallVerdict Check(string narrative, IReadOnlyList<Figure> figures, string factsText)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var allowed = AllowedValues.From(figures);
        var violations = new List<string>();
        var text = DateTokens.Strip(narrative, allowed, violations);
        text = StripIdentifiers(text, factsText, violations);
        foreach (Match m in NumberPattern().Matches(text))
        {
            CheckNumber(m, allowed, violations);
        }

        return new FirewallVerdict(violations.Count == 0, violations);
    }

    private static string StripIdentifiers(string text, string factsText, List<string> violations) =>
        IdentifierPattern().Replace(text, m =>
        {
            var token = m.Value;
            var mixed = token.Any(char.IsAsciiLetter) || token.Contains('-') || token.Contains('_') || token.Contains('/');
            if (!token.Any(char.IsAsciiDigit) || !mixed || AmountSuffixPattern().IsMatch(token))
            {
                return token;
            }

            if (!factsText.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"identifier '{token}' is not in the facts");
            }

            return new string(' ', token.Length);
        });

    private static void CheckNumber(Match m, AllowedValues allowed, List<string> violations)
    {
        var raw = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            violations.Add($"'{m.Value.Trim()}' is not a number the firewall can read");
            return;
        }

        var suffix = m.Groups["suf"].Value.Trim().ToLowerInvariant();
        value *= suffix switch
        {
            "k" or "thousand" => 1_000m,
            "m" or "million" => 1_000_000m,
            _ => 1m,
        };
        var ok = m.Groups["pct"].Success ? allowed.Percents.Contains(value)
            : m.Groups["cur"].Success || suffix.Length > 0 ? allowed.Amounts.Contains(value)
            : allowed.Amounts.Contains(value) || allowed.Percents.Contains(value) || allowed.Counts.Contains(value) || allowed.IsYear(value);
        if (!ok)
        {
            violations.Add($"'{m.Value.Trim()}' is not one of the computed figures");
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9]+(?:(?:[-_/]|\.(?=\d))[A-Za-z0-9]+)*")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^\d+(?:\.\d+)?[kKmM]$")]
    private static partial Regex AmountSuffixPattern();

    [GeneratedRegex(@"(?<cur>\$|USD\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<suf>(?:[kKmM]|\s(?:thousand|million))\b)?(?<pct>\s?%|\s(?:percent|per cent)\b)?")]
    private static partial Regex NumberPattern();
}

/// <summary>The figures' values, by kind, as the firewall compares them (absolute values; decimal equality ignores trailing zeros).</summary>
internal sealed class AllowedValues
{
    public HashSet<decimal> Amounts { get; } = [];
    public HashSet<decimal> Percents { get; } = [];
    public HashSet<decimal> Counts { get; } = [];
    public HashSet<DateOnly> Dates { get; } = [];

    public bool IsYear(decimal value) => Dates.Any(d => d.Year == value);

    public static AllowedValues From(IReadOnlyList<Figure> figures)
    {
        var allowed = new AllowedValues();
        foreach (var f in figures)
        {
            if (f.Unit == "date")
            {
                if (DateOnly.TryParseExact(f.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    allowed.Dates.Add(d);
                }

                continue;
            }

            if (!decimal.TryParse(f.Value, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            {
                continue;
            }

            var set = f.Unit switch { "usd" => allowed.Amounts, "percent" => allowed.Percents, _ => allowed.Counts };
            set.Add(Math.Abs(v));
        }

        return allowed;
    }
}
