using System.ComponentModel;

namespace BackOffice.Tools.Collections;

public static class FollowUpChannel
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Call = "call";

    public static bool IsKnown(string channel) => channel is Email or Sms or Call;
}

/// <summary>
/// One follow-up step (issue 5, after Odoo's follow-up levels and ERPNext's dunning types): it applies from
/// <paramref name="FromDaysPastDue"/> (negative = before the due date) and is sent on <paramref name="Channel"/>
/// with the template file <paramref name="Template"/> in prompts/collections/.
/// </summary>
public sealed record FollowUpLevel(int Number, string Name, int FromDaysPastDue, string Channel, string Template);

public static class FollowUpLevels
{
    /// <summary>The default steps: a friendly reminder before the due date, then firmer, a text, a call, a lien-notice warning.</summary>
    public static IReadOnlyList<FollowUpLevel> Defaults { get; } =
    [
        new(1, "reminder", -3, FollowUpChannel.Email, "reminder-email.txt"),
        new(2, "firm", 15, FollowUpChannel.Email, "firm-email.txt"),
        new(3, "text", 31, FollowUpChannel.Sms, "overdue-sms.txt"),
        new(4, "call", 46, FollowUpChannel.Call, "call-script.txt"),
        new(5, "lien-warning", 61, FollowUpChannel.Email, "lien-warning-email.txt"),
    ];

    /// <summary>Refuses steps out of order or with an unknown channel, so a bad configuration stops the host at start.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<FollowUpLevel> levels)
    {
        var problems = new List<string>();
        if (levels.Count == 0)
        {
            problems.Add("at least one follow-up level is needed");
        }

        problems.AddRange(levels.Where(l => !FollowUpChannel.IsKnown(l.Channel)).Select(l => $"level {l.Number}: unknown channel '{l.Channel}'"));
        problems.AddRange(levels.Zip(levels.Skip(1)).Where(p => p.Second.FromDaysPastDue <= p.First.FromDaysPastDue || p.Second.Number <= p.First.Number)
            .Select(p => $"level {p.Second.Number} must start later than level {p.First.Number}"));
        return problems;
    }

    /// <summary>
    /// The level due for an invoice: the last step whose start it has reached. A broken promise escalates one step
    /// past that (to the first step if none is due yet), never past the last (issue 5).
    /// </summary>
    [Description("The follow-up level due for an invoice by days past due; a broken promise to pay escalates to the next level.")]
    public static FollowUpLevel? LevelFor(
        [Description("Follow-up levels in order")] IReadOnlyList<FollowUpLevel> levels,
        [Description("Days past due; negative before the due date")] int daysPastDue,
        [Description("True when the customer broke a promise to pay this invoice")] bool brokenPromise)
    {
        var index = -1;
        for (var i = 0; i < levels.Count && levels[i].FromDaysPastDue <= daysPastDue; i++)
        {
            index = i;
        }

        if (brokenPromise)
        {
            index = Math.Min(index + 1, levels.Count - 1);
        }

        return index < 0 ? null : levels[index];
    }
}
