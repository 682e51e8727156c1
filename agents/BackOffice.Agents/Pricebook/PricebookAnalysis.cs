using BackOffice.Domain.Pricebook;
using BackOffice.Kernel.Abstractions.Telemetry;
using BackOffice.Store.Pricebook;
using BackOffice.Tools.Pricebook;

using BackOffice.Store.Tenancy;

namespace BackOffice.Agents.Pricebook;

/// <summary>A matched line re-costed against its item.</summary>
public sealed record ItemRecost(PricebookItem Item, PriceLine Line, PriceMatchBasis Basis, Recost Recost);

/// <summary>A matched line that cannot re-cost its item (units that do not convert, or a second line for the same item).</summary>
public sealed record LineProblem(PriceLine Line, string? ItemId, string Problem);

/// <summary>Everything one vendor's latest price file means for the pricebook.</summary>
public sealed record FileAnalysis(
    StoredPriceFile File, IReadOnlyList<ItemRecost> Recosts, IReadOnlyList<PriceLineMatch> Ambiguous, IReadOnlyList<PriceLine> Unmatched,
    IReadOnlyList<LineProblem> Problems);

/// <summary>The whole tenant's picture: each vendor's latest file analysed, with what the agent and the report both read.</summary>
public sealed record PricebookPicture(
    IReadOnlyList<PricebookItem> Items, IReadOnlyList<FileAnalysis> Files, IReadOnlyList<EstimateLine> EstimateLines,
    IReadOnlyList<BudgetMaterial> BudgetMaterials);

/// <summary>Loads the tenant's pricebook data and runs the pricebook tools over each vendor's latest price file (issue 8).</summary>
public static class PricebookAnalysis
{
    public static async Task<PricebookPicture> RunAsync(TenantData tenant, PricebookOptions options, DateOnly asOf, CancellationToken cancellationToken)
    {
        var store = tenant.Pricebook;
        var files = tenant.PriceFiles;
        var items = await store.ItemsAsync(cancellationToken);
        var rules = await store.MarkupRulesAsync(cancellationToken);
        var analyses = new List<FileAnalysis>();
        foreach (var file in await files.LatestPerVendorAsync(cancellationToken))
        {
            var lines = await files.LinesAsync(file.Id, cancellationToken);
            var decisions = await store.DecisionsAsync(file.Vendor, cancellationToken);
            analyses.Add(Analyse(file, lines, items, decisions, rules, options, asOf));
        }

        return new PricebookPicture(items, analyses, await store.OpenEstimateLinesAsync(cancellationToken), await store.OpenBudgetMaterialsAsync(cancellationToken));
    }

    public static FileAnalysis Analyse(
        StoredPriceFile file, IReadOnlyList<PriceLine> lines, IReadOnlyList<PricebookItem> items, IReadOnlyDictionary<string, string?> decisions,
        IReadOnlyList<MarkupRule> rules, PricebookOptions options, DateOnly asOf)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        PriceLineMatcher matcher;
        using (BackOfficeTelemetry.ToolCall("PriceLineMatcher.Build"))
        {
            matcher = new PriceLineMatcher(file.Vendor, items, decisions);
        }

        List<PriceLineMatch> matches;
        using (BackOfficeTelemetry.ToolCall("PriceLineMatcher.Match"))
        {
            matches = lines.Select(matcher.Match).ToList();
        }

        var recosts = new List<ItemRecost>();
        var problems = new List<LineProblem>();
        using (BackOfficeTelemetry.ToolCall("RecostTools.Recost"))
        {
            foreach (var group in matches.Where(m => m.ItemId is not null && byId.ContainsKey(m.ItemId)).GroupBy(m => m.ItemId!))
            {
                var first = group.First();
                foreach (var extra in group.Skip(1))
                {
                    problems.Add(new LineProblem(extra.Line, group.Key, $"item {group.Key} is already priced by row {first.Line.Row} of this file"));
                }

                var item = byId[group.Key];
                var result = RecostTools.Recost(item, first.Line, rules, options.ChangeThresholdPercent, options.StaleAfterDays, asOf);
                if (result.Recost is { } recost)
                {
                    recosts.Add(new ItemRecost(item, first.Line, first.Basis, recost));
                }
                else
                {
                    problems.Add(new LineProblem(first.Line, item.Id, result.Problem!));
                }
            }
        }

        return new FileAnalysis(file, recosts,
            matches.Where(m => m.Basis == PriceMatchBasis.Ambiguous).ToList(),
            matches.Where(m => m.Basis == PriceMatchBasis.None).Select(m => m.Line).ToList(),
            problems);
    }
}
