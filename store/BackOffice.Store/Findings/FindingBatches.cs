using Npgsql;
using NpgsqlTypes;

namespace BackOffice.Store.Findings;

/// <summary>
/// A sweep's findings upserted on PostgreSQL in one statement (issue 18: one INSERT ... ON CONFLICT per finding was a
/// round trip each). The findings go as arrays; a key listed twice keeps its last listing, as upserting them one by
/// one in order would leave it (and ON CONFLICT may not touch one row twice in a statement).
/// </summary>
internal static class FindingBatches
{
    public static async Task UpsertAsync(
        NpgsqlConnection connection, IReadOnlyList<FindingStore.Upsert> findings, string now, string onConflict, CancellationToken cancellationToken)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var last = findings.GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        // The caller's transaction is the connection's: Npgsql runs the command in it.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO findings (key, agent, check_name, severity, title, figures_json, narrative, first_seen_at, last_seen_at, resolved_at)
            SELECT f.key, f.agent, f.check_name, f.severity, f.title, f.figures_json, f.narrative, @now, @now, NULL
            FROM unnest(@keys, @agents, @checks, @severities, @titles, @figures, @narratives)
                AS f(key, agent, check_name, severity, title, figures_json, narrative)
            {onConflict}
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(Texts("keys", last.Select(f => f.Key)));
        command.Parameters.Add(Texts("agents", last.Select(f => f.Agent)));
        command.Parameters.Add(Texts("checks", last.Select(f => f.Check)));
        command.Parameters.Add(Texts("severities", last.Select(f => f.Severity)));
        command.Parameters.Add(Texts("titles", last.Select(f => f.Title)));
        command.Parameters.Add(Texts("figures", last.Select(f => f.FiguresJson)));
        command.Parameters.Add(Texts("narratives", last.Select(f => f.Narrative)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
