using BackOffice.Store.Tenancy;
using BackOffice.Store.Worklists;

namespace BackOffice.Store.Audit;

/// <summary>
/// Issue 17: the console's audit log, filtered, sorted and paged in SQL (most recent first by default) through
/// <see cref="SqlList"/>, instead of the whole chain per request; the actor and kind filters read migration 1993's indexes.
/// </summary>
public static class AuditPages
{
    public static readonly ListShape List = new(
        "audit events", "audit_events", "1 = 1", "seq", NumericId: true,
        new Dictionary<string, KeysetSort>(StringComparer.Ordinal)
        {
            ["seq"] = new("seq", Numeric: true), ["at"] = new("at"), ["actor"] = new("actor"), ["kind"] = new("kind"), ["subject"] = new("subject"),
        },
        "seq", DefaultDescending: true,
        new Dictionary<string, string>(StringComparer.Ordinal) { ["actor"] = "actor", ["kind"] = "kind", ["subject"] = "subject" },
        ["CAST(seq AS TEXT)", "actor", "kind", "subject", "data_json"]);

    private const string Columns =
        "seq AS Seq, at AS At, actor AS Actor, kind AS Kind, subject AS Subject, data_json AS DataJson, prev_hash AS PrevHash, hash AS Hash";

    public static async Task<ListPageOf<AuditEvent>> PageAsync(DataUnit unit, ListPageQuery query, CancellationToken cancellationToken)
    {
        var page = await SqlList.ReadAsync<AuditStore.AuditEventRow>(unit, List, Columns, query, cancellationToken);
        return new ListPageOf<AuditEvent>(page.Rows.Select(r => r.ToEvent()).ToList(), page.Count, page.Next);
    }

    /// <summary>The actors or kinds the log has (at most 21: a longer list is found with the search box).</summary>
    public static Task<IReadOnlyList<string>> ChoicesAsync(DataUnit unit, string column, CancellationToken cancellationToken) =>
        SqlList.ChoicesAsync(unit, List, column, 21, cancellationToken);
}
