namespace BackOffice.Store.Bundle.Generator;

/// <summary>Word lists for realistic names; the seeded random picks from them so a seed always gives the same bundle.</summary>
internal static class GeneratorNames
{
    public static readonly (string Code, string Description)[] CostCodes =
    [
        ("01-000", "General Requirements"), ("03-300", "Cast-in-Place Concrete"), ("06-100", "Rough Carpentry"),
        ("06-200", "Finish Carpentry"), ("08-100", "Doors and Frames"), ("09-250", "Gypsum Board"), ("09-300", "Tiling"),
        ("09-900", "Painting"), ("22-000", "Plumbing"), ("26-000", "Electrical"),
    ];

    private static readonly string[] Surnames =
    [
        "Alvarez", "Brennan", "Castillo", "Delgado", "Eastwood", "Fischer", "Garrison", "Hollis", "Ibarra", "Jensen",
        "Kowalski", "Lindqvist", "Moreno", "Nakamura", "Okafor", "Petrov", "Quintero", "Rivera", "Sandoval", "Thornton",
        "Underwood", "Valdez", "Whitaker", "Xiong", "Yamamoto", "Zielinski",
    ];

    private static readonly string[] Trades =
    [
        "Plumbing", "Electric", "Drywall", "Framing", "Concrete", "Tile", "Painting", "Millwork", "Roofing", "Glass",
        "Mechanical", "Flooring", "Masonry", "Insulation", "Doors",
    ];

    private static readonly string[] Suffixes = [" LLC", " Inc.", " Co.", " & Sons", ""];

    private static readonly string[] Scopes =
    [
        "Residence - Kitchen", "Residence - Addition", "Office Tenant Improvement", "Custom Home", "Retail Fit-Out",
        "Residence - Bathrooms", "Clinic Remodel", "Warehouse Mezzanine",
    ];

    /// <summary>Distinct vendor names: project side with a legal suffix, ledger side without ("Rivera Plumbing LLC" / "Rivera Plumbing").</summary>
    public static List<(string Project, string Ledger)> Vendors(Random random, int count)
    {
        var pairs = Surnames.SelectMany(s => Trades.Select(t => $"{s} {t}")).OrderBy(_ => random.Next()).Take(count).ToList();
        return pairs.Select(p => (p + Suffixes[random.Next(Suffixes.Length)], p)).ToList();
    }

    public static string Owner(Random random) => $"{Surnames[random.Next(Surnames.Length)]}, {(char)('A' + random.Next(26))}";

    public static string JobName(Random random, string owner, int number) =>
        $"{owner.Split(',')[0]} {Scopes[random.Next(Scopes.Length)]} #{number}";
}
