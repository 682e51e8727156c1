using System.Globalization;
using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Proposals;
using BackOffice.Tools.Pricebook;

namespace BackOffice.Agents.Pricebook;

/// <summary>The pricebook agent's findings, each with a deterministic narrative written only from computed figures (issue 8).</summary>
public static class PricebookFindings
{
    private const string Tool = nameof(RecostTools) + "." + nameof(RecostTools.Recost);
    private const string MatchTool = nameof(PriceLineMatcher);

    public static Finding Jump(FileAnalysis file, ItemRecost jump, decimal threshold)
    {
        var r = jump.Recost;
        var sources = new[] { Item(jump.Item.Id), Line(file, jump.Line) };
        var pct = r.CostChangePercent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "from zero";
        var figures = new List<Figure>
        {
            new("old_unit_cost", UnitCostE4.Text(r.OldUnitCost), "usd", Tool, sources),
            new("new_unit_cost", UnitCostE4.Text(r.NewUnitCost), "usd", Tool, sources),
            Figure.Percent("threshold_percent", threshold, Tool),
        };
        if (r.CostChangePercent is { } percent)
        {
            figures.Add(Figure.Percent("cost_change_percent", percent, Tool, sources));
        }

        return new Finding($"pricebook:price-jump:{jump.Item.Id}:{file.File.Id}", "pricebook", "price-jump", Severity.Warning,
            $"{jump.Item.Description}: cost moves {pct} ({file.File.Vendor})", figures,
            $"{file.File.Vendor} now prices {jump.Item.Description} at {UnitCostE4.Text(r.NewUnitCost)} per {jump.Item.Unit}, " +
            $"{pct} against the pricebook's {UnitCostE4.Text(r.OldUnitCost)}, more than the {threshold.ToString("0.##", CultureInfo.InvariantCulture)}% threshold. " +
            "It is proposed on its own so that it can be checked against the vendor's quote before it reaches estimates.");
    }

    public static Finding Stale(FileAnalysis file, IReadOnlyList<ItemRecost> stale, int days) =>
        new($"pricebook:stale:{file.File.Id}", "pricebook", "stale-price", Severity.Info,
            $"{stale.Count} price(s) from {file.File.Vendor} are older than {days} days",
            [Figure.Count("stale_prices", stale.Count, Tool, [.. stale.Select(s => Line(file, s.Line))]), Figure.Count("stale_after_days", days, Tool)],
            $"{stale.Count} line(s) of {file.File.FileName} are effective more than {days} days before the sweep date, so they are not proposed: " +
            string.Join(", ", stale.Take(5).Select(s => $"{s.Item.Description} (row {s.Line.Row}, effective {s.Line.Effective:yyyy-MM-dd})")) +
            ". Ask the vendor for a current price file.");

    public static CheckResult Matching(FileAnalysis file)
    {
        var findings = new List<Finding>();
        foreach (var a in file.Ambiguous)
        {
            var key = PriceLineMatcher.LineKey(a.Line);
            findings.Add(new Finding($"pricebook:ambiguous:{file.File.Vendor}:{key}", "pricebook", "ambiguous-match", Severity.Warning,
                $"Which pricebook item is '{a.Line.Description ?? a.Line.VendorSku}' ({file.File.Vendor})?",
                [Figure.Count("candidates", a.Candidates.Count, MatchTool, [Line(file, a.Line), .. a.Candidates.Select(Item)])],
                $"Row {a.Line.Row} of {file.File.FileName} fits {a.Candidates.Count} pricebook items equally well ({string.Join(", ", a.Candidates)}). " +
                $"Answer once with `backoffice pricebook resolve --vendor \"{file.File.Vendor}\" --key \"{key}\" --item ID` (or `--item none`); the answer is remembered."));
        }

        if (file.Problems.Count > 0)
        {
            findings.Add(new Finding($"pricebook:unpriceable:{file.File.Id}", "pricebook", "unpriceable-line", Severity.Warning,
                $"{file.Problems.Count} matched line(s) from {file.File.Vendor} cannot re-cost their item",
                [Figure.Count("lines", file.Problems.Count, Tool, [.. file.Problems.Select(p => Line(file, p.Line))])],
                string.Join("; ", file.Problems.Take(10).Select(p => $"row {p.Line.Row}: {p.Problem}")) + "."));
        }

        if (file.Unmatched.Count > 0)
        {
            findings.Add(new Finding($"pricebook:unmatched:{file.File.Id}", "pricebook", "unmatched-lines", Severity.Info,
                $"{file.Unmatched.Count} line(s) from {file.File.Vendor} match no pricebook item",
                [Figure.Count("lines", file.Unmatched.Count, MatchTool, new SourceRef("pricebook", "pricebook_price_files", file.File.Id.ToString(CultureInfo.InvariantCulture)))],
                $"{file.Unmatched.Count} line(s) of {file.File.FileName} are for products the pricebook does not carry (first rows: " +
                string.Join(", ", file.Unmatched.Take(5).Select(l => l.Row.ToString(CultureInfo.InvariantCulture))) + "). Nothing is proposed for them."));
        }

        return CheckResult.Of(findings);
    }

    private static SourceRef Item(string id) => new("pricebook", "pricebook_items", id);

    private static SourceRef Line(FileAnalysis file, PriceLine line) =>
        new("pricebook", "pricebook_price_lines", $"{file.File.Id}:{line.Row}");
}
