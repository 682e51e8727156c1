using System.Data.Common;
using System.Text.Json.Nodes;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Sweeps;

/// <summary>
/// Issue 17: the gate's audit events of an execution or undo whose executor's writes are all tracked elsewhere (the change
/// journal, a counted side table's version, a file the inputs stamp hashes). The gate marks them with
/// <see cref="Field"/>; a reader that compares the journal and the side tables' versions itself (the Financial reports'
/// per-key refresh) then need not take such an event for an unknown change, while the sweep's stamp still counts it.
/// </summary>
public static class TrackedExecutions
{
    /// <summary>The audit data field the gate sets to true on a tracked execution's events.</summary>
    public const string Field = "writes_tracked";

    /// <summary>How many of the newest audit events are looked at; past them, the oldest one's seq stands in (a full read at worst).</summary>
    private const int Window = 64;

    /// <summary>The gate's events around an execution or undo: the only kinds the mark is read on.</summary>
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "proposal.execution-started", "proposal.execution-resumed", "proposal.executed", "proposal.failed",
        "proposal.undo-started", "proposal.undo-failed", "proposal.undone",
    };

    /// <summary>
    /// The newest audit event that can change data (not <paramref name="inert"/>, not a sign-in), and the newest such event
    /// that is neither a tracked execution's nor of a kind in <paramref name="reportInert"/> (a decision or an edit moves
    /// only gate state, which no report reads), in one read of the chain's end; 0 when there is none.
    /// </summary>
    public static async Task<(long Any, long Untracked)> LastAsync(
        DbConnection connection, IReadOnlyCollection<string> inert, IReadOnlyCollection<string> reportInert, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<(long Seq, string Kind, string? Data)>(new CommandDefinition(
            $"""
            SELECT seq, kind, CASE WHEN kind LIKE 'proposal.%' THEN data_json END AS data FROM audit_events
            WHERE NOT {StoreSql.InJson(connection, "kind", "@inert")} AND kind NOT LIKE 'auth.%'
            ORDER BY seq DESC LIMIT {Window}
            """, new { inert = System.Text.Json.JsonSerializer.Serialize(inert) }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return (0, 0);
        }

        var untracked = rows.FirstOrDefault(r => !reportInert.Contains(r.Kind) && !IsTracked(r.Kind, r.Data)).Seq;
        return (rows[0].Seq, untracked == 0 && rows.Count == Window ? rows[^1].Seq : untracked);
    }

    private static bool IsTracked(string kind, string? data) =>
        Kinds.Contains(kind) && data is not null && JsonNode.Parse(data)?[Field] is JsonValue value && value.TryGetValue<bool>(out var tracked) && tracked;
}
