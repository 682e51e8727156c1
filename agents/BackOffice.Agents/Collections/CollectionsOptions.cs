using BackOffice.Tools.Collections;

namespace BackOffice.Agents.Collections;

/// <summary>
/// The Collections agent's settings (issue 5), appsettings.json section "Collections". Lists are empty by default and
/// then mean the built-in defaults (the configuration binder appends to pre-filled lists instead of replacing them).
/// </summary>
public sealed class CollectionsOptions
{
    public const string SectionName = "Collections";

    /// <summary>Upper bounds of the past-due buckets in days; empty = 30, 60, 90.</summary>
    public List<int> AgingBuckets { get; set; } = [];

    /// <summary>Follow-up steps; empty = <see cref="FollowUpLevels.Defaults"/>.</summary>
    public List<FollowUpLevelOptions> Levels { get; set; } = [];

    /// <summary>Days from the sweep to the "pay by" date written in firm messages.</summary>
    public int PayByDays { get; set; } = 10;

    /// <summary>Folder of the message templates; empty = prompts/collections next to the executable.</summary>
    public string TemplatesFolder { get; set; } = "";

    /// <summary>Issue 16: the allowance for doubtful accounts by aging class; off while <see cref="AllowanceOptions.Rates"/> is empty.</summary>
    public AllowanceOptions Allowance { get; set; } = new();

    public AgingBuckets Buckets => AgingBuckets.Count == 0 ? Tools.Collections.AgingBuckets.Standard : new AgingBuckets(AgingBuckets);

    public IReadOnlyList<FollowUpLevel> FollowUp => Levels.Count == 0
        ? FollowUpLevels.Defaults
        : Levels.Select((l, i) => new FollowUpLevel(i + 1, l.Name, l.FromDaysPastDue, l.Channel, l.Template)).ToList();

    public string Templates => TemplatesFolder.Length > 0 ? TemplatesFolder : Path.Combine(AppContext.BaseDirectory, "prompts", "collections");

    /// <summary>Everything wrong with the settings, for ValidateOnStart.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AgingBuckets.Count > 0 && (AgingBuckets[0] < 1 || AgingBuckets.Zip(AgingBuckets.Skip(1)).Any(p => p.Second <= p.First)))
        {
            problems.Add("Collections:AgingBuckets must be positive and increasing");
        }

        if (PayByDays < 1)
        {
            problems.Add("Collections:PayByDays must be positive");
        }

        problems.AddRange(FollowUpLevels.Problems(FollowUp).Select(p => "Collections:Levels: " + p));
        if (problems.Count == 0)
        {
            problems.AddRange(Allowance.Problems(Buckets.Labels).Select(p => "Collections:Allowance: " + p));
        }

        return problems;
    }
}

public sealed class FollowUpLevelOptions
{
    public string Name { get; set; } = "";
    public int FromDaysPastDue { get; set; }
    public string Channel { get; set; } = FollowUpChannel.Email;
    public string Template { get; set; } = "";
}

/// <summary>
/// `Collections:Allowance` (issue 16): percent of each due-date aging class expected uncollectible, keyed by the bucket
/// labels (`current`, `1-30`, ..., `over 90` with the default buckets), and the ledger accounts of the adjusting entry.
/// </summary>
public sealed class AllowanceOptions
{
    public Dictionary<string, decimal> Rates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The contra-asset account "Allowance for doubtful accounts" (credited when the allowance grows).</summary>
    public string AllowanceAccount { get; set; } = "";

    /// <summary>The expense account "Bad debt expense" (debited when the allowance grows).</summary>
    public string ExpenseAccount { get; set; } = "";

    public bool Configured => Rates.Count > 0;

    public IReadOnlyList<string> Problems(IReadOnlyList<string> labels)
    {
        if (!Configured)
        {
            return [];
        }

        var problems = new List<string>();
        problems.AddRange(labels.Where(l => !Rates.ContainsKey(l)).Select(l => $"Rates has no percent for the aging class '{l}'"));
        problems.AddRange(Rates.Keys.Where(k => !labels.Contains(k)).Select(k => $"Rates names '{k}', which is not an aging class ({string.Join(", ", labels)})"));
        problems.AddRange(Rates.Where(r => r.Value is < 0m or > 100m).Select(r => $"Rates:{r.Key} is {r.Value}; a percent is 0-100"));
        if (string.IsNullOrWhiteSpace(AllowanceAccount) || string.IsNullOrWhiteSpace(ExpenseAccount))
        {
            problems.Add("AllowanceAccount and ExpenseAccount are required when Rates are set");
        }

        return problems;
    }
}
