using System.Globalization;
using System.Text.RegularExpressions;

namespace BackOffice.Store.Connectors.QuickBooks;

/// <summary>
/// A full sync that stopped part way (issue 13): the entity it was reading, how many of its pages are applied, when
/// the pass started and when its last page landed. The pages applied stay (each one a unit with its cursor) and the
/// next sync resumes from the cursor, but until then the books are partly synced, which the connection list, the
/// console's admin page and every report say.
/// </summary>
public sealed partial record SyncIncomplete(string Entity, long Pages, string StartedAt, string? LastPageAt)
{
    public const string StartedKey = "full_started_at";
    public const string LastPageKey = "full_page_at";

    /// <summary>
    /// "sync incomplete: bills through page 3, started 2026-11-27T22:00:00.000Z, last page at ...". Issue 13: the
    /// host passes <paramref name="time"/> to show both times in the tenant's time zone; without it they stay UTC text.
    /// </summary>
    public string Describe(Func<string, string>? time = null) =>
        $"sync incomplete: {Plural(Entity)} through page {Pages.ToString(CultureInfo.InvariantCulture)}, started {(time ?? Same)(StartedAt)}" +
        (LastPageAt is null ? "" : $", last page at {(time ?? Same)(LastPageAt)}");

    /// <summary>The plain warning a report built on the synced books carries.</summary>
    public string ReportWarning(Func<string, string>? time = null) =>
        $"The books are partially synced from QuickBooks ({Describe(time)}): these figures leave out what is not read yet, until the next sync completes.";

    private static string Same(string instant) => instant;

    /// <summary>From the saved cursors: the first entity (in sync order) not yet done, and its pages applied.</summary>
    internal static SyncIncomplete? From(IReadOnlyDictionary<string, SyncCursor> cursors, string? startedAt, string? lastPageAt, int pageSize)
    {
        if (startedAt is null)
        {
            return null;
        }

        var entity = QuickBooksSyncStore.Entities.FirstOrDefault(e => cursors.GetValueOrDefault(e) is not { Done: true }) ?? QuickBooksSyncStore.Entities[^1];
        var applied = cursors.GetValueOrDefault(entity) is { } cursor ? cursor.NextPosition - 1 : 0;
        return new SyncIncomplete(entity, applied / Math.Max(1, pageSize), startedAt, lastPageAt);
    }

    /// <summary>"Bill" -> "bills", "JournalEntry" -> "journal entries", "Class" -> "classes".</summary>
    private static string Plural(string entity)
    {
        var words = Words().Replace(entity, " $1").ToLowerInvariant();
        return words.EndsWith('y') ? words[..^1] + "ies" : words.EndsWith('s') ? words + "es" : words + "s";
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
