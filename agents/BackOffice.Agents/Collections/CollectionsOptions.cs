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
