using System.ComponentModel;
using BackOffice.Domain.Pricebook;
using BackOffice.Tools.Matching;

namespace BackOffice.Tools.Pricebook;

public enum PriceMatchBasis
{
    Decision,
    VendorSku,
    Description,
    Similarity,
    Ambiguous,
    DecidedNoMatch,
    None,
}

/// <param name="ItemId">The matched pricebook item, or null.</param>
/// <param name="Candidates">For an ambiguous line, the items a person must choose between, best first.</param>
public sealed record PriceLineMatch(PriceLine Line, string? ItemId, PriceMatchBasis Basis, decimal Score, IReadOnlyList<string> Candidates);

/// <summary>
/// Matches one vendor's price lines to pricebook items (issue 8): a person's earlier decision first, then the vendor's
/// item number, then the same normalized description, then fuzzy similarity with a clear winner. Anything else is
/// ambiguous and goes to a person, whose answer is stored and used from then on. Built once per file: an SKU
/// dictionary and a token index keep 50,000 lines against 20,000 items far from 10^9 comparisons.
/// </summary>
public sealed class PriceLineMatcher
{
    public const decimal SimilarityThreshold = 0.75m;

    public const decimal ClearMargin = 0.1m;

    /// <summary>Tokens on more items than this ("in", "white") find too many candidates to be worth scoring on their own.</summary>
    private const int CommonTokenLimit = 500;

    private readonly Dictionary<string, List<PricebookItem>> _bySku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byDescription = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byToken = new(StringComparer.Ordinal);
    private readonly List<(string Id, IReadOnlyList<string> Tokens)> _items = [];
    private readonly IReadOnlyDictionary<string, string?> _decisions;

    /// <param name="decisions">Line key -> item id (null: a person said "no pricebook item"), for this vendor.</param>
    public PriceLineMatcher(string vendor, IEnumerable<PricebookItem> items, IReadOnlyDictionary<string, string?> decisions)
    {
        _decisions = decisions;
        var vendorKey = NameNormalizer.Normalize(vendor);
        foreach (var item in items)
        {
            var itemVendor = item.VendorName is null ? null : NameNormalizer.Normalize(item.VendorName);
            if (itemVendor is not null && itemVendor != vendorKey)
            {
                continue;
            }

            if (itemVendor is not null && item.VendorSku is { } sku)
            {
                Add(_bySku, SkuKey(sku), item);
            }

            var tokens = ProductNormalizer.Tokens(item.Description);
            Add(_byDescription, string.Join(' ', tokens.Order(StringComparer.Ordinal)), item.Id);
            foreach (var token in tokens)
            {
                Add(_byToken, token, _items.Count);
            }

            _items.Add((item.Id, tokens));
        }
    }

    /// <summary>The key a person's decision is stored under: the item number, else the normalized description.</summary>
    public static string LineKey(PriceLine line) =>
        line.VendorSku is { } sku ? "sku:" + SkuKey(sku) : "desc:" + ProductNormalizer.Normalize(line.Description);

    public static string SkuKey(string sku) => new(sku.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    [Description("Match one vendor price line to a pricebook item: earlier decision, vendor item number, description, then fuzzy similarity.")]
    public PriceLineMatch Match([Description("The price line")] PriceLine line)
    {
        if (_decisions.TryGetValue(LineKey(line), out var decided))
        {
            return decided is null
                ? new PriceLineMatch(line, null, PriceMatchBasis.DecidedNoMatch, 1m, [])
                : new PriceLineMatch(line, decided, PriceMatchBasis.Decision, 1m, [decided]);
        }

        if (line.VendorSku is { } sku && _bySku.TryGetValue(SkuKey(sku), out var bySku))
        {
            return bySku.Count == 1
                ? new PriceLineMatch(line, bySku[0].Id, PriceMatchBasis.VendorSku, 1m, [bySku[0].Id])
                : new PriceLineMatch(line, null, PriceMatchBasis.Ambiguous, 1m, bySku.Select(i => i.Id).ToList());
        }

        var tokens = ProductNormalizer.Tokens(line.Description);
        if (_byDescription.TryGetValue(string.Join(' ', tokens.Order(StringComparer.Ordinal)), out var same) && tokens.Count > 0)
        {
            return same.Count == 1
                ? new PriceLineMatch(line, same[0], PriceMatchBasis.Description, 1m, same)
                : new PriceLineMatch(line, null, PriceMatchBasis.Ambiguous, 1m, same);
        }

        return Fuzzy(line, tokens);
    }

    private PriceLineMatch Fuzzy(PriceLine line, IReadOnlyList<string> tokens)
    {
        var postings = tokens.Where(_byToken.ContainsKey).Select(t => _byToken[t]).OrderBy(p => p.Count).ToList();
        var useful = postings.Where(p => p.Count <= CommonTokenLimit).DefaultIfEmpty(postings.FirstOrDefault() ?? []).ToList();
        var scored = useful.SelectMany(p => p).Distinct()
            .Select(i => (_items[i].Id, Score: ProductNormalizer.Similarity(tokens, _items[i].Tokens)))
            .Where(s => s.Score >= SimilarityThreshold)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return scored switch
        {
            [] => new PriceLineMatch(line, null, PriceMatchBasis.None, 0m, []),
            [var only] => new PriceLineMatch(line, only.Id, PriceMatchBasis.Similarity, only.Score, [only.Id]),
            [var best, var second, ..] when best.Score - second.Score >= ClearMargin =>
                new PriceLineMatch(line, best.Id, PriceMatchBasis.Similarity, best.Score, [best.Id]),
            _ => new PriceLineMatch(line, null, PriceMatchBasis.Ambiguous, scored[0].Score, scored.Take(5).Select(s => s.Id).ToList()),
        };
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }
}
