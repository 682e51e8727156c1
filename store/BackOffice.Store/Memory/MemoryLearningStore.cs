using System.Globalization;
using BackOffice.Store.Audit;
using BackOffice.Store.Tenancy;
using Dapper;

namespace BackOffice.Store.Memory;

/// <summary>
/// Where memory learning stands (issue 12): per memory store, the last audit event whose decisions were learned, and the
/// decision events since then. Learning reads only those, so a sweep with no new decisions embeds nothing.
/// </summary>
public sealed class MemoryLearningStore(TenantData tenant)
{
    /// <summary>The audit events that teach memory: an execution, a rejection, an undo. An edit teaches only once its
    /// proposal is executed, so the learner reads edits back from the execution, not from the edit event.</summary>
    public static readonly IReadOnlyList<string> DecisionKinds = ["proposal.executed", "proposal.rejected", "proposal.undone"];

    /// <summary>The last audit event learned into <paramref name="store"/>; 0 when that store has learned nothing yet.</summary>
    public async Task<long> LearnedThroughAsync(string store, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.ReadAsync(cancellationToken);
        return await unit.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT learned_seq FROM memory_learning WHERE store = @store", new { store }, cancellationToken: cancellationToken)) ?? 0;
    }

    /// <summary>Decision events after <paramref name="afterSeq"/>, in chain order.</summary>
    public static Task<IReadOnlyList<AuditEvent>> DecisionsAfterAsync(DataUnit unit, long afterSeq, CancellationToken cancellationToken) =>
        AuditStore.ReadAfterAsync(unit, afterSeq, DecisionKinds, cancellationToken);

    /// <summary>
    /// Records that <paramref name="store"/> has learned everything through <paramref name="seq"/>. Called after the items are
    /// remembered (a crash in between re-learns the same few decisions; remembering is an idempotent upsert). Never moves back.
    /// </summary>
    public async Task AdvanceAsync(string store, long seq, CancellationToken cancellationToken)
    {
        await using var unit = await tenant.WriteAsync(cancellationToken);
        await unit.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO memory_learning (store, learned_seq, learned_at) VALUES (@store, @seq, @at)
            ON CONFLICT ({StoreSql.ConflictOn(unit.Connection, "store")}) DO UPDATE SET learned_seq = {StoreSql.Greatest(unit.Connection, "memory_learning.learned_seq", "excluded.learned_seq")}, learned_at = excluded.learned_at
            """,
            new { store, seq, at = tenant.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, unit.Transaction,
            cancellationToken: cancellationToken));
        await unit.CommitAsync(cancellationToken);
    }
}
