using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Sweeps;

/// <summary>Where an agent's last sweep left off (issue 18): the journal sequence, the as-of date and the inputs stamp.</summary>
public sealed record SweepMark(string Agent, long JournalSeq, DateOnly AsOf, string InputsStamp);

/// <summary>
/// What a sweep's inputs are now (issue 18): the change journal's last sequence (the books) and a stamp of what the
/// journal does not cover: the counter that migration 1955's triggers move on every write to the gate-side tables,
/// the last audit event that can change an input (a decision, an execution, an undo, an import, a pinned date),
/// and the files kept in the tenant's folders (inbox documents and price files that arrive outside an import).
/// </summary>
public sealed record SweepInputs(long JournalSeq, string Stamp)
{
    /// <summary>
    /// Issue 17: the stamp without the side counter (the audit event and the files): with <see cref="Tables"/>, what a
    /// reader that knows which side tables it reads compares instead of <see cref="Stamp"/>. Its audit event leaves out
    /// decisions and edits (gate state only) and executions whose writes are all tracked (<see cref="TrackedExecutions"/>),
    /// which that reader sees in the journal and the side tables' versions.
    /// </summary>
    public string Outside { get; init; } = Stamp;

    /// <summary>Issue 17: each counted side table's own version (migration 2027; a table never written is absent, 0).</summary>
    public IReadOnlyDictionary<string, long> Tables { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Issue 17: the side tables whose version differs between <paramref name="before"/> and this.</summary>
    public IReadOnlySet<string> TablesMovedSince(SweepInputs before) =>
        Tables.Keys.Concat(before.Tables.Keys).Where(t => Tables.GetValueOrDefault(t) != before.Tables.GetValueOrDefault(t))
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>The one reader and writer of sweep_marks and sweep_inputs (issue 18).</summary>
public sealed class SweepMarkStore(TenantData tenant)
{
    /// <summary>
    /// Audit kinds that record a sweep's own output or a conversation, not a change to what agents read: a sweep must
    /// not invalidate itself or the other agents by creating proposals, narrating or being audited.
    /// </summary>
    private static readonly string[] InertAuditKinds =
    [
        "sweep.completed", "sweep.failed", "proposal.created", "proposal.renarrated", "narrative.rejected",
        "plugin.called", "plugin.refused", "question.asked", "gate.refused", "gate.invalid",
        // An import journals every row and raw file it writes (its table included), so the journal, not this event,
        // says which agents it concerns (issue 18); import_runs, the only other thing it writes, no agent reads.
        "import.completed",
    ];

    /// <summary>
    /// Issue 17: audit kinds that change no table a report reads either: a gate decision, an edit of a proposal's
    /// payload or a switch moves only gate state, so the report cache keeps the books' tables across them.
    /// </summary>
    private static readonly string[] ReportInertAuditKinds =
    [
        .. InertAuditKinds, "proposal.approved", "proposal.rejected", "proposal.edited", "proposal.superseded", "switch.toggled", "audit.keyed",
    ];

    /// <summary>
    /// Issue 17: the report cache's stamp, on either engine, in one query: the journal's last sequence, the
    /// `sweep_inputs` counter and the last audit event that can change data (<see cref="ChangeScope.Books"/>), or the
    /// last audit event of any kind (<see cref="ChangeScope.AnyCommit"/>, where the engine has no commit counter of its
    /// own: every store write that others read is audited in its unit). Files are the caller's to add.
    /// </summary>
    public async Task<string> ReportStampAsync(ChangeScope scope, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = unit.Connection;
        var audit = scope == ChangeScope.Books
            ? $"""
              SELECT seq FROM audit_events
              WHERE NOT {StoreSql.InJson(connection, "kind", "@inert")} AND kind NOT LIKE 'auth.%'
              ORDER BY seq DESC LIMIT 1
              """
            : "SELECT MAX(seq) FROM audit_events";
        var row = await connection.QuerySingleAsync<(long Journal, long? Side, long? Audit)>(new CommandDefinition(
            $"""
            SELECT (SELECT COALESCE(MAX(seq), 0) FROM change_journal) AS journal,
                   (SELECT version FROM sweep_inputs WHERE id = 1) AS side,
                   ({audit}) AS audit
            """, new { inert = System.Text.Json.JsonSerializer.Serialize(ReportInertAuditKinds) }, unit.Transaction, cancellationToken: cancellationToken));
        return string.Create(CultureInfo.InvariantCulture, $"{scope}:{row.Journal}:{row.Side ?? 0}:{row.Audit ?? 0}");
    }

    /// <summary>The inputs as they are now, read in one connection before an agent reads anything.</summary>
    public async Task<SweepInputs> InputsAsync(CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = unit.Connection;
        var journal = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) FROM change_journal", cancellationToken: cancellationToken));
        // PostgreSQL keeps the counter per tenant and creates its row on the first counted write (no row: 0).
        var side = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT version FROM sweep_inputs WHERE id = 1", cancellationToken: cancellationToken)) ?? 0;
        // Newest first: the events at the end of the chain are mostly sweeps, so the scan stops within a few rows.
        var (audit, untracked) = await TrackedExecutions.LastAsync(connection, InertAuditKinds, ReportInertAuditKinds, cancellationToken);
        var tables = await connection.QueryAsync<(string Table, long Version)>(new CommandDefinition(
            "SELECT source_table, version FROM sweep_input_tables", cancellationToken: cancellationToken));
        var files = FilesStamp();
        return new SweepInputs(journal, string.Create(CultureInfo.InvariantCulture, $"{side}:{audit}:{files}"))
        {
            // Issue 17: neither a decision nor an execution whose writes the journal and the side tables' versions name is an
            // unknown change to a report reader.
            Outside = string.Create(CultureInfo.InvariantCulture, $"{untracked}:{files}"),
            Tables = tables.ToDictionary(t => t.Table, t => t.Version, StringComparer.Ordinal),
        };
    }

    /// <summary>The agent's mark, or null when it never swept incrementally (or a full sweep failed after forgetting it).</summary>
    public async Task<SweepMark?> GetAsync(string agent, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.OpenUnitAsync(cancellationToken);
        var connection = unit.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<(long Seq, string AsOf, string Stamp)?>(new CommandDefinition(
            "SELECT journal_seq, as_of, inputs_stamp FROM sweep_marks WHERE agent = @agent", new { agent }, cancellationToken: cancellationToken));
        return row is { } r
            ? new SweepMark(agent, r.Seq, DateOnly.ParseExact(r.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Stamp)
            : null;
    }

    /// <summary>Moves the agent's mark in the unit that stores its findings, so the mark never runs ahead of them.</summary>
    public async Task SaveAsync(DataUnit unit, SweepMark mark, CancellationToken cancellationToken)
    {
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO sweep_marks (agent, journal_seq, as_of, inputs_stamp, swept_at) VALUES (@Agent, @JournalSeq, @asOf, @InputsStamp, @now)
            ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "agent")}) DO UPDATE SET journal_seq = excluded.journal_seq, as_of = excluded.as_of,
                inputs_stamp = excluded.inputs_stamp, swept_at = excluded.swept_at
            """,
            new
            {
                mark.Agent, mark.JournalSeq, mark.InputsStamp,
                asOf = mark.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                now = tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            }, unit.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Names, sizes and write times of the files in the tenant's folders (not the database files beside them): a
    /// document dropped in the inbox or a price file saved by hand changes it without any journaled write.
    /// </summary>
    private string FilesStamp()
    {
        if (!Directory.Exists(tenant.Folder))
        {
            return "0";
        }

        var files = Directory.EnumerateDirectories(tenant.Folder)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(tenant.Folder, f.FullName)}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"));
        var text = string.Join('\n', files);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
